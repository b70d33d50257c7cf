/**
 * The Server-Sent Events endpoint {@code GET /api/v1/leaderboards/{board}/stream} (SPEC §5): the
 * WebSocket's board messages for clients that cannot use WebSockets, as an adapter on the same
 * board fan-out, not a second one.
 *
 * <p>Wire: a close-delimited {@code 200 text/event-stream} response ({@code Cache-Control:
 * no-cache}, {@code Connection: close}) that starts with a {@code retry:} line ({@code
 * SCOREBOARD_GATEWAY_SSE_RETRY_MS}, default 2000), then {@code event: snapshot} and {@code event:
 * update} events whose {@code data:} is exactly the JSON of the WebSocket's {@code SNAPSHOT} and
 * {@code LEADERBOARD_UPDATE} and whose {@code id:} is the state's seq, and a {@code : keep-alive}
 * comment every {@code SCOREBOARD_GATEWAY_SSE_KEEP_ALIVE_MS} (default 15 s). Once the head is out
 * the HTTP codec leaves the pipeline: the connection is a one-way byte stream, what the client
 * sends is discarded, and no read timeout or request deadline applies; a reader that stops taking
 * its bytes is conflated, and closed after the drain timeout (see the {@code gateway} package).
 *
 * <p>Admission, each refusal a problem response that closes the connection: only GET ({@code 405});
 * an {@code Origin} outside the gateway's allow list is {@code 403 FORBIDDEN}, an allowed one gets
 * {@code Access-Control-Allow-Origin}; a board id outside {@code BoardIds} is {@code 400
 * VALIDATION_FAILED}; a token from {@code Authorization: Bearer} or {@code ?access_token=} (what
 * {@code EventSource} can send) is verified like a WebSocket's, and needed unless {@code
 * gateway.public-read} ({@code 401 UNAUTHORIZED}); at most {@code
 * SCOREBOARD_GATEWAY_SSE_MAX_PER_ADDRESS} open streams per client address (default 100, {@code 429
 * RATE_LIMITED} with {@code Retry-After}), within the gateway's cap on all connections; an unknown
 * board is {@code 404 BOARD_NOT_FOUND} (the {@code registry}'s check, as on every read route); a
 * board that is not in memory while Redis is down or hung is {@code 503 UNAVAILABLE} with {@code
 * Retry-After} within about a second (the Redis client's timeouts). A stream ends when its token
 * expires, and when the token is revoked (as soon as the {@code auth} package's revocation feed
 * delivers it).
 *
 * <p>Resume: a {@code Last-Event-ID} (sent by {@code EventSource} when it reconnects) equal to the
 * seq of the board's current state means the reader has it: no {@code snapshot} is sent, the next
 * event is the next newer {@code update}. Any other value, or none, gets a fresh {@code snapshot}:
 * an older or newer seq, and anything that is no seq (not decimal digits, negative, above a long,
 * other bytes), the client-friendly reading of SSE, whose ids are opaque strings; never an error.
 * Only bytes HTTP forbids in a header (NUL, bare CR or LF) make the request malformed ({@code 400
 * VALIDATION_FAILED}, Netty's header validation).
 *
 * <p>Threads: admission runs on the channel's event loop; token verification and the board lookup
 * run in one task on the blocking executor, while the channel reads nothing. Everything after runs
 * on the channel's event loop, the board's events written by the fan-out's task for that loop.
 *
 * <p>Guarantees (the rest are the {@code board} package's, which hold for SSE channels as for
 * WebSockets): a reader's events carry growing ids without repeats; a slow reader is conflated and
 * its pending bytes stay under the write-buffer high-water mark plus one event per board; a board
 * in memory keeps streaming while Redis is down, and open streams stay open. An authenticated
 * reader's stream is indexed for personal pushes (the {@code personal} package): it receives its
 * user's {@code RANK_CHANGED} of the stream's own board as {@code event: rank-changed}, without an
 * {@code id:} (ids stay the board's seq), written by {@link
 * dev.livescoreboard.gateway.sse.SseWriter} and dropped while the reader is slow. The reader's
 * {@link dev.livescoreboard.gateway.auth.Principal} is the channel's {@link
 * dev.livescoreboard.gateway.sse.SseEndpoint#PRINCIPAL} attribute.
 */
package dev.livescoreboard.gateway.sse;
