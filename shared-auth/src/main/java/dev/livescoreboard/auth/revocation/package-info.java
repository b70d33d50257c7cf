/**
 * The revocation list every service honours, with its one Redis layout ({@link
 * dev.livescoreboard.auth.revocation.RevocationKeys}): a {@code <prefix>revoked-jti:<jti>} key per
 * revoked token, expiring when the token would, and an announcement on {@code <prefix>revocations}.
 * command-api writes revocations ({@link
 * dev.livescoreboard.auth.revocation.RevocationStore#revoke}); every instance of every service runs
 * a {@link dev.livescoreboard.auth.revocation.RevocationFeed} that mirrors them into its {@link
 * dev.livescoreboard.auth.revocation.LocalDenylist} and tells a listener (the gateway closes the
 * revoked token's open connections there).
 *
 * <p>Threads: the feed's callbacks run on its own thread, in Redis's order; the denylist and the
 * list are thread-safe. Guarantees: while the feed is in step a check is a local lookup (no Redis
 * call, never blocks); while it is not, {@link
 * dev.livescoreboard.auth.revocation.RevocationList#isRevoked} asks Redis and throws when Redis
 * cannot answer, and each service decides what that means (command-api and the gateway fail open
 * with a counted metric, the projector's admin endpoint fails closed).
 */
package dev.livescoreboard.auth.revocation;
