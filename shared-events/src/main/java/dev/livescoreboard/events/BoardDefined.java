package dev.livescoreboard.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A board was defined (created) or changed. Published to {@link Topics#SCORE_EVENTS} with the key
 * {@link EventKeys#boardEvent(String)}; the JSON form is described by {@code
 * schemas/board-defined.v1.schema.json}.
 *
 * <p>Delivery is at-least-once and a later definition replaces an earlier one: {@code boardVersion}
 * grows by exactly one per change of the board, so a consumer that has applied version {@code n}
 * ignores anything {@code <= n}. A lowered {@code scoreCap} applies to later changes only; scores
 * above it stay as they are.
 *
 * @param schemaVersion version of this contract, {@link #SCHEMA_VERSION}
 * @param eventId unique id of this definition
 * @param type always {@link #TYPE}
 * @param board board id, {@link BoardIds#BOARD_PATTERN}
 * @param title shown to people, 1 to {@link #MAX_TITLE_LENGTH} characters
 * @param scoreCap no score on the board goes above it from now on
 * @param topN how many entries the board's live top list holds, 1 to {@link #MAX_TOP_N}
 * @param resetSchedule one of {@link #RESET_SCHEDULES} (UTC)
 * @param currentSeason the season the schedule puts {@code definedAt} in ({@link
 *     Seasons#current(String, Instant)})
 * @param boardVersion per-board version, 1 for the first definition
 * @param definedAt when the definition was committed in PostgreSQL
 */
public record BoardDefined(
    int schemaVersion,
    UUID eventId,
    String type,
    String board,
    String title,
    long scoreCap,
    int topN,
    String resetSchedule,
    String currentSeason,
    long boardVersion,
    Instant definedAt)
    implements ScoreboardEvent {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "BOARD_DEFINED";
  public static final int MAX_TOP_N = 100;
  public static final int MAX_TITLE_LENGTH = 100;

  /** The reset schedules, as they are written in events and stored: lower case. */
  public static final List<String> RESET_SCHEDULES =
      List.of(Seasons.NEVER, Seasons.DAILY, Seasons.WEEKLY, Seasons.MONTHLY);

  public BoardDefined {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(definedAt, "definedAt");
    if (!BoardIds.isValidBoard(board)) {
      throw new IllegalArgumentException("invalid board id: " + board);
    }
    if (title.isEmpty() || title.length() > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException("title must be 1.." + MAX_TITLE_LENGTH + " characters");
    }
    if (scoreCap < 1) {
      throw new IllegalArgumentException("scoreCap must be positive: " + scoreCap);
    }
    if (topN < 1 || topN > MAX_TOP_N) {
      throw new IllegalArgumentException("topN must be 1.." + MAX_TOP_N + ": " + topN);
    }
    if (!RESET_SCHEDULES.contains(resetSchedule)) {
      throw new IllegalArgumentException("unknown reset schedule: " + resetSchedule);
    }
    if (!Seasons.isValid(currentSeason)) {
      throw new IllegalArgumentException("invalid season id: " + currentSeason);
    }
    if (boardVersion < 1) {
      throw new IllegalArgumentException("boardVersion starts at 1");
    }
  }

  /** A definition in the current schema version, in the season its schedule gives {@code at}. */
  public static BoardDefined of(
      UUID eventId,
      String board,
      String title,
      long scoreCap,
      int topN,
      String resetSchedule,
      long boardVersion,
      Instant at) {
    return new BoardDefined(
        SCHEMA_VERSION,
        eventId,
        TYPE,
        board,
        title,
        scoreCap,
        topN,
        resetSchedule,
        Seasons.current(resetSchedule, at),
        boardVersion,
        at);
  }
}
