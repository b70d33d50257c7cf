/**
 * The caller's own view: {@code GET /api/v1/users/me} (profile and score per board and season) and
 * {@code GET /api/v1/users/me/history} (score events newest first, keyset-paged by an opaque cursor
 * over {@code (committed_at, id)}).
 *
 * <p>Read-only and stateless, on the request thread. Reads go to PostgreSQL, the write model, so a
 * caller always sees their own committed changes (read-your-writes), unlike the eventually
 * consistent Redis read model. Paging is stable: events committed after the first page never shift
 * later pages.
 */
package dev.livescoreboard.command.profile;
