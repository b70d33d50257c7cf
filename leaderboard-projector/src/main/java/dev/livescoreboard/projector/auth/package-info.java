/**
 * The projector's admin endpoints ({@code /admin/**}: the rebuild; {@code /api/v1/admin/**}: the
 * audit) require the admin JWT (SPEC §10): a valid access token verified by shared-auth, the same
 * code as command-api and the gateway (RS256/ES256 from the JWKS, {@code iss}, {@code aud}, {@code
 * exp}, {@code nbf} with the same skew), not revoked, with the role {@code scoreboard:admin}.
 *
 * <p>Runs on the request thread before the handler. Guarantees: no admin handler runs without such
 * a token; missing or bad or revoked token → 401 {@code UNAUTHORIZED}, no admin role → 403 {@code
 * FORBIDDEN}, keys or revocation list unreachable → 503 {@code UNAVAILABLE}, each a problem JSON.
 * Revocation is checked in Redis on every call and fails closed (unlike command-api and the
 * gateway, which fail open): a rebuild needs Redis anyway, and admin calls are rare.
 */
package dev.livescoreboard.projector.auth;
