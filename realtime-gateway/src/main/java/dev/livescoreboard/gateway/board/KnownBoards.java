package dev.livescoreboard.gateway.board;

import java.util.Optional;

/**
 * The gateway's one answer to "does this board exist, and what is its current season", for every
 * read that answers {@code 404 BOARD_NOT_FOUND} (rank reads, SSE): a board in memory answers from
 * memory, any other from the read model. A board counts as existing once it has data.
 */
public final class KnownBoards {

  private final BoardFeed feed;
  private final LeaderboardStore store;

  public KnownBoards(BoardFeed feed, LeaderboardStore store) {
    this.feed = feed;
    this.store = store;
  }

  /**
   * The board's current season, or empty for an unknown board. Blocks when the board is not in
   * memory: call on the blocking executor.
   *
   * @throws RuntimeException if the read model cannot be reached (the caller answers 503)
   */
  public Optional<String> currentSeason(String board) {
    return feed.known(board)
        .filter(state -> !state.isPlaceholder())
        .map(state -> state.top().season())
        .or(() -> store.currentSeason(board));
  }
}
