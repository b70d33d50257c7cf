/**
 * HTTP hygiene and security events.
 *
 * <ul>
 *   <li>{@link dev.livescoreboard.command.security.SecurityEvents}: every security-relevant refusal
 *       (failed authentication, revoked token, action-token replay, rate-limit and quota hits,
 *       forbidden requests) becomes one JSON line on the {@code security} logger and an increment
 *       of {@code scoreboard.security.events{event=…}}; refusals signalled by an {@code
 *       ApiException} are recorded by {@code SecurityEventObserver} without any call from the
 *       throwing feature. Tokens are never logged: the reasons are the verifiers' messages, which
 *       name the failed check, not the token.
 *   <li>Body limit: {@code /api/**} bodies over {@code scoreboard.http.max-body-size} (16 KB) get
 *       413 {@code PAYLOAD_TOO_LARGE} before parsing, by {@code Content-Length} or, for chunked
 *       bodies, after reading one byte past the limit; nothing is written.
 *   <li>CORS: an exact allow list ({@code SCOREBOARD_CORS_ALLOWED_ORIGINS}) for {@code /api/**},
 *       GET and POST only; other origins get 403 before any handler.
 *   <li>{@link dev.livescoreboard.command.security.ClientAddresses}: the client address, from
 *       {@code X-Forwarded-For} only behind a configured trusted proxy.
 * </ul>
 *
 * <p>All of it runs on the request thread and is stateless apart from thread-safe Micrometer
 * counters.
 */
package dev.livescoreboard.command.security;
