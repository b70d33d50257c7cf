/**
 * Admin endpoints under {@code /api/v1/admin/}, all requiring the {@code scoreboard:admin} role
 * (checked by the auth interceptor before any handler runs). Bulk provisioning is one transaction:
 * a batch is applied whole or not at all, and re-sending it is harmless (upsert); an erased id in
 * it refuses the batch ({@code 409 USER_ERASED}). {@code PUT /api/v1/admin/boards/{id}} creates
 * (201) or changes (200) a board through {@link dev.livescoreboard.command.registry.BoardRegistry}:
 * the whole definition is required, strict like every body.
 *
 * <p><b>User changes</b> (freeze, unfreeze, erase, {@code PATCH} of name or visibility, and a
 * provisioning that changes an existing user's name or visibility) are each one transaction that
 * locks the user's row, changes it, bumps and announces every entry of the user ({@link
 * dev.livescoreboard.command.entry.EntryChanges}: one {@code ENTRY_CHANGED} per board and season)
 * and writes the audit row with the operator's optional reason; the read model follows through
 * Kafka, never by a write from here. A change that changes nothing (a repeated freeze) writes and
 * announces nothing. Unknown users are {@code 404 USER_NOT_FOUND}; an erased user is {@code 409
 * USER_ERASED} for every admin change, including a second erase, because erasing is final.
 */
package dev.livescoreboard.command.admin;
