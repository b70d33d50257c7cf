package dev.livescoreboard.gateway.auth;

import java.time.Instant;

/**
 * Who holds a connection.
 *
 * @param userId the token's {@code sub}; {@code null} for an anonymous viewer
 * @param displayName the token's {@code name}, if any
 * @param expiresAt when the token expires; {@code null} for an anonymous viewer
 */
public record Principal(String userId, String displayName, Instant expiresAt) {

  private static final Principal ANONYMOUS = new Principal(null, null, null);

  public static Principal anonymous() {
    return ANONYMOUS;
  }

  public boolean isAnonymous() {
    return userId == null;
  }
}
