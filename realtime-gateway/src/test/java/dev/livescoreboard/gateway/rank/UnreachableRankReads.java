package dev.livescoreboard.gateway.rank;

import java.util.List;
import java.util.Optional;

/** A ranking that cannot be reached, for tests of what happens before or without a rank read. */
public final class UnreachableRankReads implements RankReads {

  @Override
  public Optional<Standing> standing(String board, String season, int topN, String userId) {
    throw unreachable();
  }

  @Override
  public RankedPage page(String board, String season, int offset, int limit) {
    throw unreachable();
  }

  @Override
  public Optional<RankedPage> around(String board, String season, String userId, int radius) {
    throw unreachable();
  }

  @Override
  public RankedPage among(String board, String season, List<String> userIds) {
    throw unreachable();
  }

  private static IllegalStateException unreachable() {
    return new IllegalStateException("ranking unreachable");
  }
}
