package dev.livescoreboard.events;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A user's entry on one board and season changed state by an operator: frozen, unfrozen, erased,
 * renamed or made (non-)public. Published to {@link Topics#SCORE_EVENTS} with the key {@link
 * EventKeys#scoreEvent(String, String)}, the key of that user's {@link ScoreChanged} events, so
 * both kinds keep one order per (board, user); the JSON form is described by {@code
 * schemas/entry-changed.v1.schema.json}.
 *
 * <p>It carries the entry's whole state at {@code userVersion}, so it can be applied on its own: an
 * {@link #ACTIVE} entry is on the board with {@code score}, {@code reachedAt} and {@code
 * displayName}; a {@link #FROZEN} or {@link #ERASED} one is on no board. {@code userVersion} is the
 * same per (board, season, user) sequence as {@link ScoreChanged#userVersion()}: every change of
 * the entry, a score change or one of these, takes the next number, so a consumer that has applied
 * version {@code n} ignores anything {@code <= n} and a replayed or reordered delivery changes
 * nothing.
 *
 * @param schemaVersion version of this contract, {@link #SCHEMA_VERSION}
 * @param eventId unique id of this change
 * @param type always {@link #TYPE}
 * @param board board id, {@link BoardIds#BOARD_PATTERN}
 * @param season season of the entry ({@link Seasons})
 * @param userId the user, the {@code sub} of their access tokens; after an erase the pseudonymous
 *     id their events stay under
 * @param displayName the name boards show: the user's name, {@code Anonymous} when not public,
 *     {@link #ERASED_DISPLAY_NAME} after an erase
 * @param isPublic whether the user shows their own name on public boards
 * @param status {@link #ACTIVE}, {@link #FROZEN} or {@link #ERASED} after the change
 * @param change what the operator did, one of {@link #CHANGES}
 * @param score the entry's score (unchanged by these changes)
 * @param reachedAt when the user reached {@code score}; earlier ranks higher among equal scores
 * @param userVersion the entry's version after this change
 * @param committedAt when the change was committed in PostgreSQL
 * @param forget {@code true} only for {@link #ERASED}: the user asked to be forgotten, so analytics
 *     must delete what it holds about them (names, metadata) and keep only pseudonymous totals
 */
public record EntryChanged(
    int schemaVersion,
    UUID eventId,
    String type,
    String board,
    String season,
    String userId,
    String displayName,
    @com.fasterxml.jackson.annotation.JsonProperty("public") boolean isPublic,
    String status,
    String change,
    long score,
    Instant reachedAt,
    long userVersion,
    Instant committedAt,
    boolean forget)
    implements ScoreboardEvent {

  public static final int SCHEMA_VERSION = 1;
  public static final String TYPE = "ENTRY_CHANGED";

  public static final String ACTIVE = "active";
  public static final String FROZEN = "frozen";
  public static final String ERASED = "erased";
  public static final List<String> STATUSES = List.of(ACTIVE, FROZEN, ERASED);

  public static final String CHANGE_FROZEN = "FROZEN";
  public static final String CHANGE_UNFROZEN = "UNFROZEN";
  public static final String CHANGE_ERASED = "ERASED";
  public static final String CHANGE_RENAMED = "RENAMED";
  public static final String CHANGE_VISIBILITY = "VISIBILITY_CHANGED";
  public static final List<String> CHANGES =
      List.of(CHANGE_FROZEN, CHANGE_UNFROZEN, CHANGE_ERASED, CHANGE_RENAMED, CHANGE_VISIBILITY);

  /**
   * The display name an erased user's entries carry: the same for everyone, so it tells nothing.
   */
  public static final String ERASED_DISPLAY_NAME = "Erased user";

  public EntryChanged {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(season, "season");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(reachedAt, "reachedAt");
    Objects.requireNonNull(committedAt, "committedAt");
    if (!BoardIds.isValidBoard(board)) {
      throw new IllegalArgumentException("invalid board id: " + board);
    }
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown status: " + status);
    }
    if (!CHANGES.contains(change)) {
      throw new IllegalArgumentException("unknown change: " + change);
    }
    if (score < 0) {
      throw new IllegalArgumentException("scores are never negative");
    }
    if (userVersion < 1) {
      throw new IllegalArgumentException("userVersion starts at 1");
    }
    if (forget != ERASED.equals(status)) {
      throw new IllegalArgumentException("forget is set exactly for erased entries");
    }
  }

  /** Whether the entry belongs on the board: only active users are ranked. */
  public boolean ranked() {
    return ACTIVE.equals(status);
  }

  /** A change in the current schema version; {@code forget} follows from {@code status}. */
  public static EntryChanged of(
      UUID eventId,
      String board,
      String season,
      String userId,
      String displayName,
      boolean isPublic,
      String status,
      String change,
      long score,
      Instant reachedAt,
      long userVersion,
      Instant committedAt) {
    return new EntryChanged(
        SCHEMA_VERSION,
        eventId,
        TYPE,
        board,
        season,
        userId,
        displayName,
        isPublic,
        status,
        change,
        score,
        reachedAt,
        userVersion,
        committedAt,
        ERASED.equals(status));
  }
}
