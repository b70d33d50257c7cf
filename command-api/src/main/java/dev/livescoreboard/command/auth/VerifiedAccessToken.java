package dev.livescoreboard.command.auth;

import java.time.Instant;

/**
 * A verified access token's caller and the facts needed to check its revocation.
 *
 * @param caller who the token names
 * @param tokenId the {@code jti}, {@code null} when the token has none (it cannot be revoked then)
 * @param expiresAt the {@code exp}
 */
record VerifiedAccessToken(AuthenticatedUser caller, String tokenId, Instant expiresAt) {}
