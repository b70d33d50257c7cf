/**
 * Access-token authentication without Spring Security: an MVC interceptor verifies the {@code
 * Authorization: Bearer} JWT with shared-auth's verifier, the one every service uses (RS256 or
 * ES256 only, against the auth service's JWKS; {@code iss}, {@code aud}, {@code exp}, {@code nbf}
 * with at most 60 s skew) and checks that its {@code jti} is not revoked before any {@code /api/**}
 * handler runs; admin paths additionally require {@code scoreboard:admin}. The verified caller is a
 * request attribute that controllers receive as an {@link
 * dev.livescoreboard.command.auth.AuthenticatedUser} parameter.
 *
 * <p>Runs on the request thread; the JWKS cache is nimbus's own (thread-safe, refreshed ahead of
 * expiry and at once on an unknown {@code kid}, so key rotation needs no restart). A token that
 * passed is remembered by {@link dev.livescoreboard.command.auth.VerifiedTokenCache} until its
 * {@code exp}, at most {@code scoreboard.jwt.verified-cache-ttl}, so a player's next request skips
 * the signature check; revocation is still checked on every request. Guarantees: no handler under
 * {@code /api/} runs without a verified caller; the user id always comes from the token, never from
 * the body. Missing, bad or revoked token → 401 {@code UNAUTHORIZED}; missing role → 403 {@code
 * FORBIDDEN}; JWKS unreachable → 503.
 *
 * <p><b>Revocation</b> ({@code POST /api/v1/admin/tokens/revoke}): the {@code jti} goes into a
 * Redis denylist ({@code <prefix>revoked-jti:<jti>}, expiring when the token would) shared by all
 * instances, is announced on {@code <prefix>revocations}, and goes into the local denylist of the
 * instance that took the request (key layout, store and feed are shared-auth's {@code revocation}
 * package, which the gateway and the projector read too). Every instance's revocation feed
 * subscribes to the announcements and loads the existing keys, so while it is in step a check is a
 * local lookup, no Redis call; while it is not, each check asks Redis. When Redis is unreachable,
 * the check <em>fails open</em> for tokens revoked through other instances: such tokens are
 * accepted until Redis is back, each acceptance is counted in {@code
 * scoreboard.auth.revocation.unchecked} and a security warning is logged once per outage. Failing
 * closed (503 for every request) would turn a Redis outage into a full write-path outage, which
 * SPEC §10 rules out; access tokens are short-lived, revocation is a rare admin action, and
 * revocations made through this instance stay enforced. A revocation that cannot reach Redis
 * answers 503 so the admin retries (the local copy already applies).
 */
package dev.livescoreboard.command.auth;
