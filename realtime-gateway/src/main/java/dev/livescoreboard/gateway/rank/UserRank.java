package dev.livescoreboard.gateway.rank;

/**
 * The answer of {@code GET .../users/{userId}}; field names are the public API, the rules are in
 * the package documentation.
 */
public record UserRank(
    String userId,
    String displayName,
    long score,
    int rank,
    boolean inTopN,
    long pointsToTopN,
    long totalUsers,
    double percentile) {

  /** The rank answer for {@code standing} on a board whose top N has {@code topN} entries. */
  public static UserRank of(Standing standing, int topN) {
    var entry = standing.entry();
    boolean inTopN = entry.rank() <= topN || standing.cutoffScore() == null;
    long points = inTopN ? 0 : standing.cutoffScore() - entry.score() + 1;
    return new UserRank(
        entry.userId(),
        entry.displayName(),
        entry.score(),
        entry.rank(),
        inTopN,
        points,
        standing.totalUsers(),
        percentile(entry.rank(), standing.totalUsers()));
  }

  /** Share of users ranked below {@code rank}, 0..100, rounded down to one decimal. */
  static double percentile(int rank, long totalUsers) {
    if (totalUsers <= 0) {
      return 0;
    }
    return Math.floor((totalUsers - rank) * 1000.0 / totalUsers) / 10.0;
  }
}
