/**
 * Which boards exist: the board registry the projector keeps in Redis ({@code lb:boards} and one
 * {@code lb:{board}:definition} per board, written from the {@code BOARD_DEFINED} events). Every
 * read endpoint, WebSocket {@code SUBSCRIBE} and SSE stream asks {@link
 * dev.livescoreboard.gateway.registry.BoardRegistry} and answers {@code BOARD_NOT_FOUND} for a
 * board it does not know: there is one such check in the gateway.
 *
 * <p><b>Freshness.</b> The registry is held in memory and reloaded as a whole every second by a
 * timer that hands the reload to the blocking executor; a board memory does not know is looked up
 * in Redis once per request until it is found, so a new board is served at once and a changed one
 * within a second. A periodic reload was chosen over a pub/sub notice from the projector: boards
 * change rarely and are few, one reload is one {@code SMEMBERS} plus two reads per board, and it
 * cannot miss a change the way an at-most-once notice published while the subscription is down
 * would (no resync protocol needed).
 *
 * <p><b>Threads.</b> Redis is read only on the blocking executor, never on an event loop; lookups
 * in memory are lock-free reads of an immutable map and run on any thread. A failed reload keeps
 * the boards in memory, so Redis down leaves known boards served; a lookup of an unknown board then
 * fails (the callers answer {@code 503 UNAVAILABLE}).
 *
 * <p><b>Bounds.</b> Memory holds the defined boards only: unknown ids are never cached.
 */
package dev.livescoreboard.gateway.registry;
