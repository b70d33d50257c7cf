package dev.livescoreboard.events;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Season ids (SPEC §3) and their order. A season is {@link #ALL_TIME} (a board that never resets),
 * a UTC day {@code 2026-11-24}, an ISO week {@code 2026-W48} (week-based year) or a month {@code
 * 2026-11}. A forced reset starts a further season in the same period, named by a suffix: {@code
 * 2026-12-03-r2}, {@code -r3}, ... ({@code all-time-r2} on a board that never resets). Nothing else
 * is a season id, so every id has a place in the order.
 *
 * <p>Seasons are ordered by their start, never by their string: all-time first, dated seasons by
 * the first UTC day of their period, and seasons of the same day by reset number (a forced reset
 * starts after the season it ends). Should two kinds of period start on the same day (a board whose
 * schedule changed), the shorter period is the later one. {@link #order} gives that order as a
 * number, for the projector's Lua scripts, which compare numbers exactly and strings by locale.
 */
public final class Seasons {

  /** The one season of a board that never resets. */
  public static final String ALL_TIME = "all-time";

  /** Reset schedules (SPEC §3), as events and tables write them: when a board starts a season. */
  public static final String NEVER = "never";

  public static final String DAILY = "daily";
  public static final String WEEKLY = "weekly";
  public static final String MONTHLY = "monthly";

  /** Oldest first. */
  public static final Comparator<String> BY_START = Comparator.comparingLong(Seasons::order);

  private static final Pattern SHAPE =
      Pattern.compile(
          "(?:(?<allTime>all-time)|(?<year>[0-9]{4})-(?:(?<month>[0-9]{2})-(?<day>[0-9]{2})"
              + "|W(?<week>[0-9]{2})|(?<monthOnly>[0-9]{2})))"
              + "(?:-r(?<reset>[2-9]|[1-9][0-9]{1,5}))?");

  private static final long RESETS = 1_000_000;
  private static final int KINDS = 4;
  private static final int KIND_ALL_TIME = 0;
  private static final int KIND_MONTH = 1;
  private static final int KIND_WEEK = 2;
  private static final int KIND_DAY = 3;
  // Shifts the epoch day of 0000-01-01 to 1, so 0 is left for all-time and every order is >= 0.
  private static final long DAY_OFFSET = -LocalDate.of(0, 1, 1).toEpochDay() + 1;

  private Seasons() {}

  /**
   * The season {@code at} belongs to on a board with {@code resetSchedule} ({@link #NEVER}, {@link
   * #DAILY}, {@link #WEEKLY} or {@link #MONTHLY}), in UTC; a pure function, so every instance of
   * every service computes the same season for the same instant.
   *
   * @throws IllegalArgumentException for an unknown schedule
   */
  public static String current(String resetSchedule, Instant at) {
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    return switch (resetSchedule) {
      case NEVER -> ALL_TIME;
      case DAILY -> day(day);
      case WEEKLY -> week(day);
      case MONTHLY -> month(day);
      default -> throw new IllegalArgumentException("unknown reset schedule: " + resetSchedule);
    };
  }

  /** The season of the UTC day {@code day} on a daily board. */
  public static String day(LocalDate day) {
    return day.toString();
  }

  /** The season of the ISO week {@code day} is in, on a weekly board. */
  public static String week(LocalDate day) {
    return String.format(
        "%04d-W%02d",
        day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The season of the month {@code day} is in, on a monthly board. */
  public static String month(LocalDate day) {
    return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
  }

  /**
   * The period {@code season} belongs to: the id without its reset suffix ({@code 2026-12-03-r2} is
   * in {@code 2026-12-03}, {@code all-time-r2} in {@code all-time}).
   *
   * @throws IllegalArgumentException if {@code season} is not a season id
   */
  public static String periodOf(String season) {
    order(season);
    int suffix = season.lastIndexOf("-r");
    return suffix < 0 ? season : season.substring(0, suffix);
  }

  /**
   * The season to start next on a board whose current season is {@code current} ({@code null} when
   * it has none yet) and whose schedule puts the clock in {@code period} ({@link #current}): the
   * period when it starts after {@code current} (a scheduled rollover), otherwise nothing.
   */
  public static Optional<String> scheduledAfter(String current, String period) {
    return current == null || order(period) > order(current)
        ? Optional.of(period)
        : Optional.empty();
  }

  /**
   * The season a forced reset starts: the schedule's {@code period} if it starts after {@code
   * current} (the boundary passed and the rollover had not run yet), else the next reset of {@code
   * current}'s period: {@code 2026-12-03} → {@code 2026-12-03-r2} → {@code 2026-12-03-r3}, {@code
   * all-time} → {@code all-time-r2}. Always starts after {@code current}.
   *
   * @throws IllegalArgumentException if either is not a season id
   */
  public static String afterReset(String current, String period) {
    Optional<String> scheduled = scheduledAfter(current, period);
    if (scheduled.isPresent()) {
      return scheduled.get();
    }
    Matcher m = SHAPE.matcher(current);
    m.matches();
    long reset = m.group("reset") == null ? 1 : Long.parseLong(m.group("reset"));
    String next = periodOf(current) + "-r" + (reset + 1);
    order(next);
    return next;
  }

  public static boolean isValid(String season) {
    return season != null && parse(season) >= 0;
  }

  /**
   * A number that grows with the season's start: {@code a} starts before {@code b} exactly when
   * {@code order(a) < order(b)}. Distinct seasons have distinct numbers, all below 2<sup>53</sup>
   * (exact as a Lua number).
   *
   * @throws IllegalArgumentException if {@code season} is not a season id
   */
  public static long order(String season) {
    long order = season == null ? -1 : parse(season);
    if (order < 0) {
      throw new IllegalArgumentException("not a season id: " + season);
    }
    return order;
  }

  /** The order of {@code season}, or -1 if it is not a season id. */
  private static long parse(String season) {
    Matcher m = SHAPE.matcher(season);
    if (!m.matches()) {
      return -1;
    }
    long reset = m.group("reset") == null ? 1 : Long.parseLong(m.group("reset"));
    if (m.group("allTime") != null) {
      return reset * KINDS + KIND_ALL_TIME;
    }
    int year = Integer.parseInt(m.group("year"));
    LocalDate start;
    int kind;
    try {
      if (m.group("day") != null) {
        start =
            LocalDate.of(
                year, Integer.parseInt(m.group("month")), Integer.parseInt(m.group("day")));
        kind = KIND_DAY;
      } else if (m.group("week") != null) {
        start = weekStart(year, Integer.parseInt(m.group("week")));
        kind = KIND_WEEK;
      } else {
        start = LocalDate.of(year, Integer.parseInt(m.group("monthOnly")), 1);
        kind = KIND_MONTH;
      }
    } catch (DateTimeException e) {
      return -1;
    }
    return ((start.toEpochDay() + DAY_OFFSET) * RESETS + reset) * KINDS + kind;
  }

  /** The Monday of ISO week {@code week} of week-based year {@code year}. */
  private static LocalDate weekStart(int year, int week) {
    // January 4th is always in week 1.
    LocalDate inFirstWeek = LocalDate.of(year, 1, 4);
    if (week < 1 || week > inFirstWeek.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
      throw new DateTimeException("no week " + week + " in " + year);
    }
    return inFirstWeek
        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }
}
