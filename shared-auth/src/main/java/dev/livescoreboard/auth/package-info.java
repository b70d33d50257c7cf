/**
 * The one verification of access tokens for every service (command-api, realtime-gateway,
 * leaderboard-projector), so the rules cannot drift: RS256 or ES256 only, keys from the auth
 * service's JWKS with rotation (an unknown {@code kid} refetches at once, rate-limited), exact
 * {@code iss}, {@code aud}, {@code exp} and {@code nbf} with the same skew (default 30 s, at most
 * 60 s), a usable {@code sub}, and the {@code roles} claim ({@link
 * dev.livescoreboard.auth.VerifiedAccessToken#ADMIN_ROLE} opens admin endpoints).
 *
 * <p>Plain Java, no framework: each service wires it its own way and maps {@link
 * dev.livescoreboard.auth.RejectedTokenException} to 401 and {@link
 * dev.livescoreboard.auth.KeysUnavailableException} to 503. Verification may block on a JWKS fetch,
 * so event-loop code calls it from a blocking executor. Revocation is the {@code revocation}
 * package.
 */
package dev.livescoreboard.auth;
