package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingCodecTest {

  /** Redis order: ascending sort score, then member bytes. */
  private static final Comparator<String[]> REDIS_ORDER =
      Comparator.<String[]>comparingDouble(e -> Double.parseDouble(e[0])).thenComparing(e -> e[1]);

  @Test
  void redisOrderEqualsTheRankingRule() {
    List<String[]> set = new ArrayList<>();
    set.add(entry(50, 2_000, "carol"));
    set.add(entry(50, 1_000, "zed"));
    set.add(entry(90, 9_000, "bob"));
    set.add(entry(50, 1_000, "amy"));
    set.add(entry(0, 1, "new"));

    set.sort(REDIS_ORDER);

    assertThat(set.stream().map(e -> RankingCodec.userId(e[1])))
        .containsExactly("bob", "amy", "zed", "carol", "new");
  }

  @Test
  void laterReachSortsAfterEarlierReachEvenAcrossDigitCounts() {
    assertThat(RankingCodec.member(999, "a")).isLessThan(RankingCodec.member(1_000, "a"));
  }

  @Test
  void scoreSurvivesTheSortScoreEncoding() {
    assertThat(RankingCodec.score(RankingCodec.sortScore(1_000_000))).isEqualTo(1_000_000);
  }

  @Test
  void userIdWithColonsIsRecoveredWhole() {
    assertThat(RankingCodec.userId(RankingCodec.member(5, "auth0|a:b"))).isEqualTo("auth0|a:b");
  }

  @Test
  void keysOfOneBoardShareAHashTag() {
    LeaderboardKeys keys = new LeaderboardKeys("t1:");

    assertThat(keys.ranking("global", "all-time")).isEqualTo("t1:lb:{global}:all-time:ranking");
    assertThat(keys.top("global", "all-time")).contains("{global}");
  }

  @Test
  void prefixWithBracesIsRefusedBecauseItWouldMoveTheHashTag() {
    assertThatThrownBy(() -> new LeaderboardKeys("{x}"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String[] entry(long score, long reachedAt, String user) {
    return new String[] {
      Double.toString(RankingCodec.sortScore(score)), RankingCodec.member(reachedAt, user)
    };
  }
}
