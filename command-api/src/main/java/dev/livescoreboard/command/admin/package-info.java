/**
 * Admin endpoints under {@code /api/v1/admin/}, all requiring the {@code scoreboard:admin} role
 * (checked by the auth interceptor before any handler runs). Bulk provisioning is one
 * transaction: a batch is applied whole or not at all, and re-sending it is harmless (upsert).
 */
package dev.livescoreboard.command.admin;
