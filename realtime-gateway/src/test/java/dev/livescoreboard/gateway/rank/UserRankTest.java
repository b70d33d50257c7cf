package dev.livescoreboard.gateway.rank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.LeaderboardEntry;
import org.junit.jupiter.api.Test;

class UserRankTest {

  @Test
  void insideTheTopNNoPointsAreNeeded() {
    UserRank rank = UserRank.of(standing(3, 400, 10, 400L), 3);
    assertThat(rank.inTopN()).isTrue();
    assertThat(rank.pointsToTopN()).isZero();
  }

  @Test
  void onATieWithTheNthOnePointMorePassesIt() {
    // Equal score, reached later: ranked below the N-th, so a tie is not enough.
    UserRank rank = UserRank.of(standing(4, 400, 10, 400L), 3);
    assertThat(rank.inTopN()).isFalse();
    assertThat(rank.pointsToTopN()).isEqualTo(1);
  }

  @Test
  void belowTheNthTheGapPlusOneIsNeeded() {
    assertThat(UserRank.of(standing(9, 50, 10, 400L), 3).pointsToTopN()).isEqualTo(351);
  }

  @Test
  void aBoardSmallerThanTheTopNHasEveryoneInIt() {
    UserRank rank = UserRank.of(standing(2, 5, 2, null), 10);
    assertThat(rank.inTopN()).isTrue();
    assertThat(rank.pointsToTopN()).isZero();
  }

  @Test
  void percentileIsTheShareRankedBelowRoundedDown() {
    assertThat(UserRank.percentile(1, 200)).isEqualTo(99.5);
    assertThat(UserRank.percentile(4, 7)).isEqualTo(42.8);
    assertThat(UserRank.percentile(200, 200)).isZero();
    assertThat(UserRank.percentile(1, 1)).isZero();
    assertThat(UserRank.percentile(1, 3_000_000_000L)).isEqualTo(99.9);
  }

  private static Standing standing(int rank, long score, long total, Long cutoff) {
    return new Standing(new LeaderboardEntry(rank, "u", "U", score), total, cutoff);
  }
}
