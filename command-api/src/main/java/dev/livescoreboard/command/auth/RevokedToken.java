package dev.livescoreboard.command.auth;

import java.time.Instant;

/**
 * The answer to a revocation.
 *
 * @param jti the revoked token id
 * @param revokedUntil when the denylist entry expires (the token would have expired by then)
 */
record RevokedToken(String jti, Instant revokedUntil) {}
