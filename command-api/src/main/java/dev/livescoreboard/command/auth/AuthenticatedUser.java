package dev.livescoreboard.command.auth;

import dev.livescoreboard.auth.VerifiedAccessToken;
import java.util.List;

/**
 * The caller of a request, taken from a verified access token. Declare it as a controller method
 * parameter to receive it.
 *
 * @param userId the token's {@code sub}
 * @param name the token's {@code name} claim, or {@code null}
 * @param roles the token's {@code roles} claim, empty when absent
 */
public record AuthenticatedUser(String userId, String name, List<String> roles) {

  /** The role that opens the admin endpoints. */
  public static final String ADMIN_ROLE = VerifiedAccessToken.ADMIN_ROLE;

  public AuthenticatedUser {
    roles = List.copyOf(roles);
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
