/**
 * Admin endpoints under {@code /api/v1/admin/}, all requiring the {@code scoreboard:admin} role
 * (checked by the auth interceptor before any handler runs). Bulk provisioning is one transaction:
 * a batch is applied whole or not at all, and re-sending it is harmless (upsert). Freeze and
 * unfreeze are single idempotent status updates (404 for unknown or erased users); a frozen user's
 * later starts and completes are refused at once. Removing a frozen user from the Redis boards is
 * left to the projector (not done here yet). {@code PUT /api/v1/admin/boards/{id}} creates (201) or
 * changes (200) a board through {@link dev.livescoreboard.command.registry.BoardRegistry}: the
 * whole definition is required, strict like every body.
 */
package dev.livescoreboard.command.admin;
