/**
 * The WebSocket endpoint {@code /ws} (SPEC §5).
 *
 * <p>Pipeline per connection: admission (origin, token and its revocation, per-user limit) before
 * Netty's handshake, then the per-connection rate limit on every frame, Netty's protocol handler
 * (frame limit, close and ping handling), the joining of fragmented messages ({@link
 * dev.livescoreboard.gateway.websocket.FragmentAggregator}), heartbeat, session lifecycle and
 * client messages. The upgrade request is bound by the HTTP request deadline (408); once upgraded
 * the heartbeat replaces it.
 *
 * <p>Threads: every handler runs on its channel's event loop; token verification and board loads go
 * to the blocking executor and come back to that loop. Broadcasts are written on each channel's
 * loop too, by one task per loop per broadcast (see the {@code board} package).
 *
 * <p>Guarantees: no upgrade without an allowed origin and a verified token (or public read); at
 * most {@code maxConnectionsPerUser} open connections per user (more are refused with 429 before
 * the upgrade); a connection is closed with 4001 when its token expires or is revoked (see the
 * {@code auth} package), with 1009 for a message above the frame limit, in one frame or in
 * fragments that add up to more (a fragmented message within it is read as the one message it is),
 * with 1001 after the idle time without any read; frames beyond {@code messageBurst} at once or
 * {@code messagesPerSecond} sustained (every frame counts: pings, pongs and each fragment too, so
 * neither a ping flood nor a message trickled in tiny fragments escapes the limit) get {@code ERROR
 * RATE_LIMITED} and a close with 1008, before any parsing, and cost nobody else anything; a
 * connection that does not read what it is sent is closed after the drain timeout (see the {@code
 * gateway} package); any other bad client message gets an {@code ERROR} and the connection stays
 * open, among them {@code BOARD_NOT_FOUND} for a subscription (by {@code ?board=} or {@code
 * SUBSCRIBE}) to a board the {@code registry} does not know; a slow client's pending bytes stay
 * under the write-buffer high-water mark plus one frame per board (see the {@code board} package)
 * and one personal push; an authenticated connection receives its user's {@code RANK_CHANGED}
 * pushes for every board while it is open, an anonymous one never (see the {@code personal}
 * package).
 */
package dev.livescoreboard.gateway.websocket;
