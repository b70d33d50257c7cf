package dev.livescoreboard.command.board;

import java.util.Locale;

/** When a board starts a new season (UTC). Stored in lower case. */
public enum ResetSchedule {
  NEVER,
  DAILY,
  WEEKLY,
  MONTHLY;

  public String dbValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ResetSchedule fromDb(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
