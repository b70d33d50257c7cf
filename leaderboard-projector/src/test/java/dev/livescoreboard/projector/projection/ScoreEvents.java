package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.ScoreChanged;
import java.time.Instant;
import java.util.UUID;

/** Score events for tests: one board and season, explicit score, version and reach time. */
record ScoreEvents(String board, String season) {

  static final Instant COMMITTED_AT = Instant.parse("2026-11-24T10:15:30.123Z");
  static final long BASE_MILLIS = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();

  /** {@code userId} reached {@code score} at BASE + {@code reachedOffsetMillis}. */
  ScoreChanged event(
      String userId, String displayName, long score, long version, long reachedOffsetMillis) {
    return ScoreChanged.forAction(
        UUID.randomUUID(),
        board,
        season,
        userId,
        displayName,
        "COMPLETE_LEVEL",
        0,
        score,
        version,
        Instant.ofEpochMilli(BASE_MILLIS + reachedOffsetMillis),
        COMMITTED_AT);
  }

  /** Display name {@code userId} upper-cased, reached at BASE + version seconds. */
  ScoreChanged event(String userId, long score, long version) {
    return event(userId, userId.toUpperCase(), score, version, version * 1000);
  }

  /**
   * An operator's change of {@code userId}'s entry: {@code status} after it, the entry's {@code
   * score} reached at BASE + {@code reachedOffsetMillis}, shown as {@code displayName}.
   */
  EntryChanged entry(
      String userId,
      String displayName,
      String status,
      String change,
      long score,
      long version,
      long reachedOffsetMillis) {
    return EntryChanged.of(
        UUID.randomUUID(),
        board,
        season,
        userId,
        displayName,
        !displayName.equals("Anonymous") && !status.equals(EntryChanged.ERASED),
        status,
        change,
        score,
        Instant.ofEpochMilli(BASE_MILLIS + reachedOffsetMillis),
        version,
        COMMITTED_AT);
  }
}
