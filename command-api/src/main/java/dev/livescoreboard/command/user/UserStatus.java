package dev.livescoreboard.command.user;

import java.util.Locale;

/** Whether a user may score. Stored in lower case. */
public enum UserStatus {
  ACTIVE,
  /** Suspected cheater: completes are refused and the user is off the boards. */
  FROZEN,
  /** Erased on request: name anonymized, treated as unknown. */
  ERASED;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  static UserStatus fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
