/**
 * The HTTP side: read API, health, metrics, the live page and the API's own description, plus the
 * response helpers shared with the WebSocket admission.
 *
 * <p>Threads: handlers run on the channel's event loop and never block; Redis reads, PINGs and
 * metric scrapes go to the blocking executor and respond from the event loop when done. While a
 * request waits for such work the channel stops reading, so responses keep request order.
 *
 * <p>One pipeline: Netty's {@code HttpServerCodec} (keep-alive, {@code HEAD} without a body,
 * pipelined responses in order) between the two handlers of the {@link
 * dev.livescoreboard.gateway.http.RequestDeadline}, then {@link
 * dev.livescoreboard.gateway.http.TopFastPath}, the aggregator, the WebSocket admission and
 * handshake, and the {@link dev.livescoreboard.gateway.http.HttpRouter}. Every top-N response, from
 * either, is the one {@link dev.livescoreboard.gateway.http.TopResponseCache} built for the board's
 * state: body bytes in direct memory, ETag and complete headers made once per state, never per
 * request.
 *
 * <p>Fast path, the one shortcut: a plain {@code GET /api/v1/leaderboards/{board}} (HTTP/1.1, kept
 * alive, no query, no {@code Origin}, no body) of a board in memory is answered by {@code
 * TopFastPath} right behind the codec, with that cached response; everything else goes on to the
 * router. It exists because SPEC §8 wants this GET at least as fast as a static file, and the
 * router alone is not: with headers built per response it reached 0.45–0.49× of a bare Netty
 * static-file server in the same runs (docs/benchmarks.md, "Gateway GET fast path"), and even with
 * the cached headers its aggregation, routing and per-request objects cost about 1.5× the static
 * server's CPU per request, while the fast path costs about what the static server does. While any
 * request handed to the router is unanswered, later ones follow it, so the fast path never
 * overtakes a response. How many requests may wait, per connection and in all, is stated once in
 * the {@code gateway} package.
 *
 * <p>Read routes under {@code /api/v1/leaderboards/{board}}: the board list ({@code ?limit=
 * &offset=&season=}), {@code /users/{userId}}, {@code /around/{userId}?radius=} and {@code
 * /users?ids=}, each with {@code ?season=} (default: the board's current season); their rules are
 * in the {@code rank} package. {@code me} in place of a user id is the caller named by a valid
 * {@code Authorization: Bearer} token, verified like a WebSocket's (only the header counts on these
 * routes: a token in a URL ends up in logs); without one the answer is {@code 401 UNAUTHORIZED}. A
 * board the {@code registry} does not know is {@code 404 BOARD_NOT_FOUND} on every one of these
 * routes (one check, in {@code LeaderboardRoutes}, before any endpoint runs; the fast path answers
 * only boards the registry knows); a defined board without scores answers an empty board in the
 * season its definition names. {@code GET /api/v1/leaderboards} lists the defined boards from the
 * registry in memory. The top N served from memory is as long as the board's own {@code topN}. A
 * rank read that cannot reach Redis answers {@code 503 UNAVAILABLE} with {@code Retry-After} within
 * about a second (the Redis client's timeouts, see the {@code redis} package).
 *
 * <p>API description: {@code GET /openapi.json} serves the OpenAPI 3.1 document of every route here
 * and of {@code /ws}, with every error {@code code} the gateway can answer, from the classpath
 * resource {@code openapi.json} held in memory. It is written by hand (routes are code, not
 * annotations), so {@code OpenApiDocumentIT} parses it with swagger-parser and holds its paths to
 * the routes a running gateway answers and its {@code code} enum to the codes the sources use.
 *
 * <p>Live page: {@code /}, {@code /app.js}, {@code /app.css}, {@code /favicon.svg} and {@code
 * /page-config.json} (whether the local stack's dev auth server is there for its "play as" box).
 * Its policy allows scripts, styles and connections to its own origin only (no inline script, no
 * third-party origin), plus that dev auth server's origin where one is configured; the page writes
 * user data as text only and sends its token in a header, never in a URL. It connects by WebSocket,
 * then SSE, then polling; reconnects with exponential back-off and jitter; waits out a 503's {@code
 * Retry-After} (times a random factor in [1, 1.5)) on the stream and the polls, the only answers
 * whose headers a script can read; and stops with the reason on a permanent refusal: an origin
 * outside the allow list (a script cannot see why an upgrade failed and a same-origin {@code GET}
 * carries no {@code Origin}, so after a WebSocket that never opened the page sends an {@code
 * OPTIONS} request, which the router's CORS preflight answers {@code 403 FORBIDDEN} for such an
 * origin), an unknown board, a revoked or expired token (close {@code 4001}, or {@code 401}).
 *
 * <p>Request deadline (slowloris): a request, the WebSocket upgrade and the SSE request included,
 * must arrive whole, head and body, within the request timeout of its first byte, however slowly it
 * trickles in; otherwise it is answered {@code 408 REQUEST_TIMEOUT} and the connection closed (only
 * closed, if an earlier request of it is still unanswered: a 408 must not overtake that answer).
 * Between requests of a kept-alive connection the clock does not run; the idle close does. The
 * deadline ends with the request phase: a WebSocket or SSE stream takes it out of the pipeline.
 *
 * <p>Request ids: {@link dev.livescoreboard.gateway.http.RequestLogContext} names every request the
 * router, the SSE endpoint and the WebSocket admission see with its {@code X-Request-Id} (the
 * caller's short token, else a new one) and the trace id of a valid {@code traceparent}, in the MDC
 * while it is handled on the event loop and again around the work it waits for, so its log lines
 * carry them; every router response echoes {@code X-Request-Id} (a cached top N, fast path or not,
 * is sent as it was built, without one) and every problem quotes it. {@link
 * dev.livescoreboard.gateway.http.ResponseMeter} counts each response by status and problem code
 * until the connection stops speaking HTTP.
 *
 * <p>Guarantees: every response carries the security headers (CSP, nosniff, no-referrer, no
 * framing); every error is an {@code application/problem+json} body with a stable {@code code} and
 * never a stack trace; the top N of a board's current season is served from memory without touching
 * Redis, with an {@code ETag} that changes exactly when the served state does, its board size
 * included.
 *
 * <p>{@code totalUsers} of the answer from memory is the size of the board's state in memory (SPEC
 * §5's shape, like the pages read from the ranking). Its freshness is the top N's: the projector
 * stores every state with the ranking's size at that moment, and when only the size changes (a
 * user's first score below the top N, a user frozen, erased or restored below it) it publishes the
 * same state again with the new size under the same seq (see {@code TopNChanged}); the {@code
 * board} package takes it in without a broadcast, and the next answer, with a new {@code ETag}, has
 * it. So the size is behind Redis by one pub/sub hop, as the entries are, while the subscription is
 * up; a republish missed while it was down is caught up by the reload that follows every
 * resubscribe (a reload can lose against a republish already in flight, until the board's next
 * change). No request reads Redis for it.
 */
package dev.livescoreboard.gateway.http;
