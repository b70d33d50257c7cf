package dev.livescoreboard.command.board;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/**
 * The season an instant belongs to under a reset schedule, in UTC: {@code all-time}, a day {@code
 * 2026-11-24}, an ISO week {@code 2026-W48} (week-based year) or a month {@code 2026-11}.
 */
public final class Seasons {

  public static final String ALL_TIME = "all-time";

  private Seasons() {}

  public static String of(ResetSchedule schedule, Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return switch (schedule) {
      case NEVER -> ALL_TIME;
      case DAILY -> day.toString();
      case WEEKLY ->
          String.format(
              "%04d-W%02d",
              day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTHLY -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    };
  }
}
