package dev.livescoreboard.auth;

import java.util.regex.Pattern;

/**
 * What a user id (the access token's {@code sub}) may be: 1–255 characters, none of them a control
 * character. Ids come from the auth service and are otherwise opaque; control characters (NUL above
 * all, which PostgreSQL text cannot hold) would only ever be an attack.
 */
public final class UserIds {

  /** The rule as a regular expression, for bean validation. */
  public static final String REGEX = "[^\\p{Cntrl}]{1,255}";

  private static final Pattern VALID = Pattern.compile(REGEX);

  private UserIds() {}

  public static boolean isValid(String userId) {
    return userId != null && VALID.matcher(userId).matches();
  }
}
