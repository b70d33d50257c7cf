package dev.livescoreboard.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A board started a new season: from {@code startedAt} on, the board's scores go to {@code season}
 * and readers and live clients show it (empty at first) instead of {@code previousSeason}, which
 * ended at that instant and stays readable. Published to {@link Topics#SCORE_EVENTS} with the key
 * {@link EventKeys#boardEvent(String)}, so the seasons of one board keep their order; the JSON form
 * is described by {@code schemas/season-started.v1.schema.json}.
 *
 * <p>Delivery is at-least-once: a consumer makes {@code season} current only if it starts after the
 * season it holds as current ({@link Seasons#order}), so a replayed or older event changes nothing.
 * Within one board {@code startedAt} grows with every season.
 *
 * @param schemaVersion version of this contract, {@link #SCHEMA_VERSION}
 * @param eventId unique id of this event
 * @param type always {@link #TYPE}
 * @param board board id, {@link BoardIds#BOARD_PATTERN}
 * @param season the new current season, starts after {@code previousSeason}
 * @param previousSeason the season it ended, {@code null} for the board's first season
 * @param startedAt when the new season started (and the previous one ended), committed in
 *     PostgreSQL
 * @param reason {@link #SCHEDULE} (the board's reset schedule reached a UTC boundary) or {@link
 *     #FORCED_RESET} (an operator's reset)
 */
public record SeasonStarted(
    int schemaVersion,
    UUID eventId,
    String type,
    String board,
    String season,
    String previousSeason,
    Instant startedAt,
    String reason)
    implements ScoreboardEvent {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "SEASON_STARTED";
  public static final String SCHEDULE = "SCHEDULE";
  public static final String FORCED_RESET = "FORCED_RESET";
  public static final List<String> REASONS = List.of(SCHEDULE, FORCED_RESET);

  public SeasonStarted {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(startedAt, "startedAt");
    if (!BoardIds.isValidBoard(board)) {
      throw new IllegalArgumentException("invalid board id: " + board);
    }
    if (!Seasons.isValid(season)) {
      throw new IllegalArgumentException("invalid season id: " + season);
    }
    if (previousSeason != null && Seasons.order(previousSeason) >= Seasons.order(season)) {
      throw new IllegalArgumentException(season + " does not start after " + previousSeason);
    }
    if (!REASONS.contains(reason)) {
      throw new IllegalArgumentException("unknown reason: " + reason);
    }
  }

  /** A season start in the current schema version. */
  public static SeasonStarted of(
      UUID eventId,
      String board,
      String season,
      String previousSeason,
      Instant startedAt,
      String reason) {
    return new SeasonStarted(
        SCHEMA_VERSION, eventId, TYPE, board, season, previousSeason, startedAt, reason);
  }
}
