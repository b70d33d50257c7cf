/**
 * The caller's own view: {@code GET /api/v1/users/me} (profile and score per board and season) and
 * {@code GET /api/v1/users/me/history} (score events newest first, keyset-paged by an opaque cursor
 * over {@code (committed_at, id)}), and the admin's view of any user's history ({@code GET
 * /api/v1/admin/users/{userId}/history}, also per season, frozen and erased users included) paged
 * the same way by the same code.
 *
 * <p>Read-only and stateless, on the request thread. Reads go to PostgreSQL, the write model, so a
 * caller always sees their own committed changes (read-your-writes), unlike the eventually
 * consistent Redis read model. Paging is stable: events committed after the first page never shift
 * later pages.
 */
package dev.livescoreboard.command.profile;
