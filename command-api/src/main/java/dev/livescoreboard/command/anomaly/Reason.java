package dev.livescoreboard.command.anomaly;

/** Why a user was flagged; stored and shown as the constant's name. */
enum Reason {
  /** Completes of one action at (nearly) the most its limits allow, window after window. */
  RATE_PINNED_AT_LIMIT,
  /** Most completes finished within a moment of the action's minimum duration. */
  COMPLETES_AT_MINIMUM_DURATION,
  /** Far more points in the lookback than the median user who scored in it. */
  POINTS_FAR_ABOVE_POPULATION
}
