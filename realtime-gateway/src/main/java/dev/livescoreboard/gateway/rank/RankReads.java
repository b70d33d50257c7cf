package dev.livescoreboard.gateway.rank;

import java.util.List;
import java.util.Optional;

/**
 * Reads of the ranking of one board and season. Every method blocks on the network: call only from
 * the blocking executor, never from an event loop.
 */
public interface RankReads {

  /** The user's standing, or empty if the user is not on the board in that season. */
  Optional<Standing> standing(String board, String season, int topN, String userId);

  /** Up to {@code limit} entries from the 0-based position {@code offset}, best first. */
  RankedPage page(String board, String season, int offset, int limit);

  /**
   * The entries from {@code radius} ranks above the user to {@code radius} below (clipped at both
   * ends of the board), or empty if the user is not on the board.
   */
  Optional<RankedPage> around(String board, String season, String userId, int radius);

  /** Those of {@code userIds} on the board, best first, each with their board rank. */
  RankedPage among(String board, String season, List<String> userIds);
}
