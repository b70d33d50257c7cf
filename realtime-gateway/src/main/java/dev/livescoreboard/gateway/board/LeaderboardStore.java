package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.TopNChanged;
import java.util.Optional;

/**
 * Reads of the projector's read model. Every method blocks on the network: call only from the
 * blocking executor, never from an event loop.
 */
public interface LeaderboardStore {

  /** The board's newest season, if it has any data. */
  Optional<String> currentSeason(String board);

  /** The stored top N of one board and season. */
  Optional<TopNChanged> top(String board, String season);

  /** The stored top N of the board's newest season. */
  default Optional<TopNChanged> currentTop(String board) {
    return currentSeason(board).flatMap(season -> top(board, season));
  }

  /** Whether the store answers at all. */
  boolean isReachable();
}
