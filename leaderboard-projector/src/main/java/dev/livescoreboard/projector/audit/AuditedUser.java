package dev.livescoreboard.projector.audit;

import java.time.Instant;

/**
 * What PostgreSQL holds for one user of one board+season, read in one statement: the score row (if
 * any), the user, and the aggregate of the user's events there.
 *
 * @param hasScoreRow whether {@code user_scores} has a row ({@code score}, {@code version}, {@code
 *     reachedAtMillis} are 0 otherwise)
 * @param status {@code active}, {@code frozen} or {@code erased}
 * @param publicName what a board must show: the display name, or {@code Anonymous}
 * @param changedAt the newest change of the score row or the user
 * @param eventCount the user's events on this board+season
 * @param eventSum the sum of their deltas (0 without events)
 * @param newestEventScore the {@code new_score} of the event with the highest version (0 without)
 */
record AuditedUser(
    String userId,
    boolean hasScoreRow,
    long score,
    long version,
    long reachedAtMillis,
    String status,
    String publicName,
    Instant changedAt,
    long eventCount,
    long eventSum,
    long newestEventScore) {

  static final String ACTIVE = "active";
  static final String FROZEN = "frozen";
  static final String ERASED = "erased";

  /** Whether the board must show this user: the same rule as the rebuild's. */
  boolean ranked() {
    return hasScoreRow && version > 0 && ACTIVE.equals(status);
  }
}
