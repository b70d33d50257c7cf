package dev.livescoreboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's score on one board and season changed. Published to {@link Topics#SCORE_EVENTS} with the
 * key {@link EventKeys#scoreEvent(String, String)}; the JSON form is described by {@code
 * schemas/score-changed.v1.schema.json}.
 *
 * <p>Delivery is at-least-once: consumers dedupe by {@code (board, season, userId, userVersion)}.
 * {@code userVersion} grows by exactly one per change of that user's entry on that board and
 * season: a score change, or an operator's change of the entry ({@link EntryChanged}: freeze,
 * unfreeze, erase, rename, visibility), which shares the sequence. So the versions of one user's
 * score changes may have gaps, and a consumer that has seen version {@code n} of either type can
 * ignore anything {@code <= n}.
 *
 * @param schemaVersion version of this contract, {@link #SCHEMA_VERSION}
 * @param eventId unique id of the change (the score event row's id)
 * @param type always {@link #TYPE}
 * @param board board id, {@link BoardIds#BOARD_PATTERN}
 * @param season season of the board the change belongs to ({@code all-time}, {@code 2026-11-24},
 *     {@code 2026-W48}, {@code 2026-11}, ...; see {@link Seasons})
 * @param userId the user, the {@code sub} of their access token
 * @param displayName the name to show on public boards ({@code Anonymous} for users who opted out)
 * @param actionType the completed action, or {@code null} for an admin adjustment
 * @param reason the admin's reason for an adjustment, or {@code null} for an action
 * @param delta {@code newScore - previousScore}; may be smaller than the action's points at the cap
 * @param previousScore score before the change
 * @param newScore score after the change, never negative and never above the board's cap
 * @param userVersion per (board, season, user) entry version, 1 for the first change
 * @param reachedAt when the user reached {@code newScore}; earlier ranks higher among equal scores
 * @param committedAt when the change was committed in PostgreSQL
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreChanged(
    int schemaVersion,
    UUID eventId,
    String type,
    String board,
    String season,
    String userId,
    String displayName,
    String actionType,
    String reason,
    long delta,
    long previousScore,
    long newScore,
    long userVersion,
    Instant reachedAt,
    Instant committedAt)
    implements ScoreboardEvent {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "SCORE_CHANGED";

  public ScoreChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(board, "board");
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(reachedAt, "reachedAt");
    Objects.requireNonNull(committedAt, "committedAt");
    if (newScore < 0 || previousScore < 0) {
      throw new IllegalArgumentException("scores are never negative");
    }
    if (userVersion < 1) {
      throw new IllegalArgumentException("userVersion starts at 1");
    }
  }

  /** A change caused by a completed action, in the current schema version. */
  public static ScoreChanged forAction(
      UUID eventId,
      String board,
      String season,
      String userId,
      String displayName,
      String actionType,
      long previousScore,
      long newScore,
      long userVersion,
      Instant reachedAt,
      Instant committedAt) {
    return new ScoreChanged(
        SCHEMA_VERSION,
        eventId,
        TYPE,
        board,
        season,
        userId,
        displayName,
        actionType,
        null,
        newScore - previousScore,
        previousScore,
        newScore,
        userVersion,
        reachedAt,
        committedAt);
  }

  /** A change made by an admin adjustment (with its reason), in the current schema version. */
  public static ScoreChanged forAdjustment(
      UUID eventId,
      String board,
      String season,
      String userId,
      String displayName,
      String reason,
      long previousScore,
      long newScore,
      long userVersion,
      Instant reachedAt,
      Instant committedAt) {
    Objects.requireNonNull(reason, "reason");
    return new ScoreChanged(
        SCHEMA_VERSION,
        eventId,
        TYPE,
        board,
        season,
        userId,
        displayName,
        null,
        reason,
        newScore - previousScore,
        previousScore,
        newScore,
        userVersion,
        reachedAt,
        committedAt);
  }
}
