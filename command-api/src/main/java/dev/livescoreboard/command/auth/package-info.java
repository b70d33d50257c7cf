/**
 * Access-token authentication without Spring Security: an MVC interceptor verifies the {@code
 * Authorization: Bearer} JWT (RS256 against the auth service's JWKS, {@code iss}, {@code aud},
 * {@code exp} with at most 60 s skew) before any {@code /api/**} handler runs, and admin paths
 * additionally require {@code scoreboard:admin}. The verified caller is a request attribute that
 * controllers receive as an {@link dev.livescoreboard.command.auth.AuthenticatedUser} parameter.
 *
 * <p>Runs on the request thread; the JWKS cache is nimbus's own (thread-safe, refreshed on an
 * unknown {@code kid}). Guarantees: no handler under {@code /api/} runs without a verified caller;
 * the user id always comes from the token, never from the body. Missing or bad token → 401
 * {@code UNAUTHORIZED}; missing role → 403 {@code FORBIDDEN}; JWKS unreachable → 503.
 */
package dev.livescoreboard.command.auth;
