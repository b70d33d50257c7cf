package dev.livescoreboard.projector.audit;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.Seasons;

/** One leaderboard the audit checks: a board in one season; the report lists them in this order. */
record AuditedBoard(String board, String season) implements Comparable<AuditedBoard> {

  AuditedBoard {
    if (!BoardIds.isValidBoard(board) || !BoardIds.isValidSeason(season)) {
      throw new IllegalArgumentException("not a board+season: " + board + "/" + season);
    }
  }

  /** By board id, then by season start (SPEC §3: never by the season id's text). */
  @Override
  public int compareTo(AuditedBoard other) {
    int byBoard = board.compareTo(other.board);
    if (byBoard != 0) {
      return byBoard;
    }
    int byStart = Seasons.BY_START.compare(season, other.season);
    return byStart != 0 ? byStart : season.compareTo(other.season);
  }
}
