/**
 * Authentication of WebSocket clients: where a token may be found and how it is verified.
 *
 * <p>Threads: extraction is pure and runs on the event loop; verification may fetch the JWKS and
 * therefore runs only on the blocking executor. {@link dev.livescoreboard.gateway.auth.JwtVerifier}
 * is thread-safe. Tokens are never logged.
 */
package dev.livescoreboard.gateway.auth;
