/**
 * Users: lookup for the write path, auto-registration from JWT claims (when switched on) and bulk
 * provisioning. Display names are validated or sanitized by {@link
 * dev.livescoreboard.command.user.DisplayNames}, so only letters, digits, spaces and {@code _-.}
 * are ever stored. Auto-registration is an {@code INSERT … ON CONFLICT DO NOTHING}, safe when the
 * same new user sends concurrent requests. Provisioning upserts in one transaction: all or none.
 */
package dev.livescoreboard.command.user;
