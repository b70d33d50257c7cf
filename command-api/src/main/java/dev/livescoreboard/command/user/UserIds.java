package dev.livescoreboard.command.user;

/**
 * What a user id (the access token's {@code sub}) may be, for command-api's inputs; the rule's one
 * home is {@link dev.livescoreboard.auth.UserIds} in shared-auth, which every service's token
 * verification applies.
 */
public final class UserIds {

  /** The rule as a regular expression, for bean validation. */
  public static final String REGEX = dev.livescoreboard.auth.UserIds.REGEX;

  private UserIds() {}

  public static boolean isValid(String userId) {
    return dev.livescoreboard.auth.UserIds.isValid(userId);
  }
}
