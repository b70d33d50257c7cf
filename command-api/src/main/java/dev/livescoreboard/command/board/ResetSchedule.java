package dev.livescoreboard.command.board;

import dev.livescoreboard.events.Seasons;
import java.time.Instant;
import java.util.Locale;

/** When a board starts a new season (UTC). Stored in lower case, as {@link Seasons} names them. */
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

  /** The season an instant belongs to under this schedule, in UTC (shapes: {@link Seasons}). */
  public String seasonAt(Instant at) {
    return Seasons.current(dbValue(), at);
  }
}
