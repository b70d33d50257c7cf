package dev.livescoreboard.command.season;

import dev.livescoreboard.events.SeasonStarted;
import java.time.Instant;

/**
 * A season that was started: the {@code SEASON_STARTED} the read model follows.
 *
 * @param board the board
 * @param season the new current season, e.g. {@code 2026-12-03-r2}
 * @param previousSeason the season it ended, still readable with {@code ?season=}; {@code null} for
 *     a board's first season
 * @param startedAt when it started
 * @param reason {@code FORCED_RESET} or {@code SCHEDULE}
 */
record SeasonResponse(
    String board, String season, String previousSeason, Instant startedAt, String reason) {

  static SeasonResponse of(SeasonStarted event) {
    return new SeasonResponse(
        event.board(), event.season(), event.previousSeason(), event.startedAt(), event.reason());
  }
}
