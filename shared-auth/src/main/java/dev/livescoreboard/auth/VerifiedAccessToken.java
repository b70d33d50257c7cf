package dev.livescoreboard.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a verified access token says.
 *
 * @param userId the {@code sub}, valid by {@link UserIds}
 * @param name the {@code name} claim, or {@code null}
 * @param roles the {@code roles} claim, empty when absent
 * @param tokenId the {@code jti}, {@code null} when the token has none (it cannot be revoked then)
 * @param expiresAt the {@code exp}
 */
public record VerifiedAccessToken(
    String userId, String name, List<String> roles, String tokenId, Instant expiresAt) {

  /** The role that opens the admin endpoints of every service. */
  public static final String ADMIN_ROLE = "scoreboard:admin";

  public VerifiedAccessToken {
    roles = List.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
