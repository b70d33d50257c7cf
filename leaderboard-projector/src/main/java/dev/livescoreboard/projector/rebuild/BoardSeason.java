package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.BoardIds;

/** One leaderboard: a board in one season. */
record BoardSeason(String board, String season) {

  BoardSeason {
    if (!BoardIds.isValidBoard(board)) {
      throw new IllegalArgumentException("invalid board id: " + board);
    }
    if (!BoardIds.isValidSeason(season)) {
      throw new IllegalArgumentException("invalid season id: " + season);
    }
  }

  @Override
  public String toString() {
    return board + "/" + season;
  }
}
