/**
 * Users: lookup for the write path, auto-registration from JWT claims (when switched on) and bulk
 * provisioning. Display names are validated or sanitized by {@link
 * dev.livescoreboard.command.user.DisplayNames}, so only letters, digits, spaces and {@code _-.}
 * are ever stored. Auto-registration is an {@code INSERT … ON CONFLICT DO NOTHING}, safe when the
 * same new user sends concurrent requests. Provisioning upserts in one transaction: all or none.
 * Starting and completing an action apply the same rules (unknown or erased: 404, frozen: 403), so
 * they agree; freezing and unfreezing are single idempotent updates. Users who opted out of public
 * boards ({@code public = false}) appear in events as {@link
 * dev.livescoreboard.command.user.User#ANONYMOUS}.
 */
package dev.livescoreboard.command.user;
