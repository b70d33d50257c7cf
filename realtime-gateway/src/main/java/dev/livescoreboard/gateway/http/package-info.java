/**
 * The HTTP side: read API, health, metrics and the live page, plus the response helpers shared with
 * the WebSocket admission.
 *
 * <p>Threads: handlers run on the channel's event loop and never block; Redis reads, PINGs and
 * metric scrapes go to the blocking executor and respond from the event loop when done. While a
 * request waits for such work the channel stops reading, so responses keep request order.
 *
 * <p>Fast path: the codec is Netty's request decoder and response encoder with {@link
 * dev.livescoreboard.gateway.http.TopFastPath} between them. A plain {@code GET
 * /api/v1/leaderboards/{board}} (HTTP/1.1, kept alive, no query, no {@code Origin}, no body) of a
 * board whose state is in memory is answered right there with the state's pre-encoded response
 * (headers and body, encoded once per state, written as a view of shared unreleasable bytes and
 * flushed once per read by the {@code FlushConsolidationHandler}): no aggregation, routing, header
 * building, encoding or JSON per request. Everything else goes on to the router, and while any such
 * request is unanswered ({@link dev.livescoreboard.gateway.http.PendingRequests}) later ones follow
 * it, so the fast path never overtakes a response. The router's responses for the same state carry
 * the same bytes and ETag.
 *
 * <p>Guarantees: every response carries the security headers (CSP, nosniff, no-referrer, no
 * framing); every error is an {@code application/problem+json} body with a stable {@code code} and
 * never a stack trace; the top N of a board's current season is served from memory without touching
 * Redis, with an {@code ETag} that changes exactly when the served state does.
 */
package dev.livescoreboard.gateway.http;
