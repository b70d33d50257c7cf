package dev.livescoreboard.projector.audit;

/** What is wrong with one user's entry of one board+season. */
enum ProblemKind {
  /** Redis ranks the user with a score other than PostgreSQL's {@code user_scores.score}. */
  SCORE_MISMATCH,
  /**
   * PostgreSQL's score is not the sum of the user's {@code score_events} deltas, or not the newest
   * event's {@code new_score} (or there are events without a score row).
   */
  EVENTS_MISMATCH,
  /** PostgreSQL ranks the user (active, version above 0) but the Redis board does not show them. */
  MISSING_FROM_REDIS,
  /** The Redis board shows a user PostgreSQL does not rank: unknown, or never changed. */
  EXTRA_IN_REDIS,
  /** A frozen user is still on the Redis board. */
  FROZEN_ON_BOARD,
  /** An erased user is still on the Redis board. */
  ERASED_ON_BOARD,
  /** The Redis board shows another name than the user's public one (or "Anonymous"). */
  NAME_MISMATCH,
  /**
   * The user's ranking member encodes another reach time than PostgreSQL's {@code reached_at}: the
   * order among equal scores is wrong.
   */
  REACHED_AT_MISMATCH
}
