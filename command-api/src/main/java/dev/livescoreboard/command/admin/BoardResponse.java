package dev.livescoreboard.command.admin;

import dev.livescoreboard.events.BoardDefined;

/**
 * A board as committed; field names are the public API.
 *
 * @param board the id
 * @param title shown to people
 * @param scoreCap cap of later scores
 * @param topN size of the live top list
 * @param resetSchedule when seasons start
 * @param currentSeason the season the schedule gives now
 * @param boardVersion grows by one per change
 */
record BoardResponse(
    String board,
    String title,
    long scoreCap,
    int topN,
    String resetSchedule,
    String currentSeason,
    long boardVersion) {

  static BoardResponse of(BoardDefined event) {
    return new BoardResponse(
        event.board(),
        event.title(),
        event.scoreCap(),
        event.topN(),
        event.resetSchedule(),
        event.currentSeason(),
        event.boardVersion());
  }
}
