package dev.livescoreboard.gateway.auth;

import java.time.Instant;

/**
 * Who holds a connection.
 *
 * @param userId the token's {@code sub}; {@code null} for an anonymous viewer
 * @param displayName the token's {@code name}, if any
 * @param expiresAt when the token expires; {@code null} for an anonymous viewer
 * @param tokenId the token's {@code jti} (what a revocation names); {@code null} for an anonymous
 *     viewer or a token without one
 */
public record Principal(String userId, String displayName, Instant expiresAt, String tokenId) {

  private static final Principal ANONYMOUS = new Principal(null, null, null, null);

  /** A principal whose token cannot be revoked (no {@code jti}). */
  public Principal(String userId, String displayName, Instant expiresAt) {
    this(userId, displayName, expiresAt, null);
  }

  public static Principal anonymous() {
    return ANONYMOUS;
  }

  public boolean isAnonymous() {
    return userId == null;
  }
}
