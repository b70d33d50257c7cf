package dev.livescoreboard.projector.audit;

import dev.livescoreboard.events.BoardIds;

/** One leaderboard the audit checks: a board in one season. */
record AuditedBoard(String board, String season) implements Comparable<AuditedBoard> {

  AuditedBoard {
    if (!BoardIds.isValidBoard(board) || !BoardIds.isValidSeason(season)) {
      throw new IllegalArgumentException("not a board+season: " + board + "/" + season);
    }
  }

  @Override
  public int compareTo(AuditedBoard other) {
    int byBoard = board.compareTo(other.board);
    return byBoard != 0 ? byBoard : season.compareTo(other.season);
  }
}
