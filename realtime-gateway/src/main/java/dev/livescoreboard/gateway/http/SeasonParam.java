package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;

/**
 * The {@code ?season=} parameter of the leaderboard reads, checked once for all of them.
 *
 * @param season the season asked for, or {@code null} for the board's current season (absent or
 *     empty)
 * @param valid whether it is absent, empty or a season id ({@link BoardIds#isValidSeason})
 */
record SeasonParam(String season, boolean valid) {

  static SeasonParam of(Exchange exchange) {
    String raw = exchange.param("season");
    if (raw == null || raw.isEmpty()) {
      return new SeasonParam(null, true);
    }
    return new SeasonParam(raw, BoardIds.isValidSeason(raw));
  }

  /** Answers 400 {@code VALIDATION_FAILED} for an invalid season. */
  void refuse(Exchange exchange) {
    exchange.fail(ErrorCode.VALIDATION_FAILED, "season is not a valid season id");
  }
}
