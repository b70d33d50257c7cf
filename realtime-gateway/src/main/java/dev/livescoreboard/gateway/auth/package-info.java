/**
 * Authentication of gateway clients: where a token may be found, who it names, and which open
 * connections a revocation closes.
 *
 * <p>Verification is shared-auth's, the same code as command-api and the projector (RS256 and ES256
 * from the JWKS with rotation and refetch on an unknown {@code kid}; {@code iss}, {@code aud},
 * {@code exp}, {@code nbf} with the same 30 s skew). A token must also not be revoked: the gateway
 * runs the shared revocation feed, so the check is a local denylist lookup while the feed is in
 * step and a Redis lookup otherwise. When Redis cannot answer, the check fails open exactly like
 * command-api's ({@code gateway.auth.revocation.unchecked} counts each such token, a security
 * warning is logged once per outage): a Redis outage must not disconnect every viewer, access
 * tokens are short-lived, and revocation is a rare admin action.
 *
 * <p>Threads: extraction is pure and runs on the event loop; {@link
 * dev.livescoreboard.gateway.auth.TokenAuthenticator} may fetch the JWKS or ask Redis and therefore
 * runs only on the blocking executor. The revocation feed runs on its own thread and hands each
 * revoked {@code jti} to {@link dev.livescoreboard.gateway.auth.LiveConnections}, which runs each
 * matching connection's close on that connection's event loop. Guarantees: a revoked token cannot
 * connect (WebSocket upgrade 401) nor read {@code /me} (401); its open connections are closed
 * (WebSocket 4001) as soon as the feed delivers the revocation, well within 2 s of the admin's
 * revoke. Tokens are never logged.
 */
package dev.livescoreboard.gateway.auth;
