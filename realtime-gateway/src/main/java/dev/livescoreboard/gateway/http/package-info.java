/**
 * The HTTP side: read API, health, metrics and the live page, plus the response helpers shared with
 * the WebSocket admission.
 *
 * <p>Threads: handlers run on the channel's event loop and never block; Redis reads, PINGs and
 * metric scrapes go to the blocking executor and respond from the event loop when done. While a
 * request waits for such work the channel stops reading, so responses keep request order.
 *
 * <p>Guarantees: every response carries the security headers (CSP, nosniff, no-referrer, no
 * framing); every error is an {@code application/problem+json} body with a stable {@code code} and
 * never a stack trace; the top N of a board's current season is served from memory without touching
 * Redis, with an {@code ETag} that changes exactly when the served state does.
 */
package dev.livescoreboard.gateway.http;
