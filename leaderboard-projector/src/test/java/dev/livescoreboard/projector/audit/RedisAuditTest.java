package dev.livescoreboard.projector.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.LeaderboardKeys;
import org.junit.jupiter.api.Test;

class RedisAuditTest {

  private static final String PREFIX = "t1:lb:{";

  @Test
  void aRankingKeyNamesItsBoardAndSeason() {
    String key = new LeaderboardKeys("t1:").ranking("daily-sprint", "2026-12-03-r2");

    assertThat(RedisAudit.parseRankingKey(PREFIX, key))
        .isEqualTo(new AuditedBoard("daily-sprint", "2026-12-03-r2"));
  }

  @Test
  void otherKeysTheScanPatternMatchesAreNoBoards() {
    assertThat(RedisAudit.parseRankingKey(PREFIX, "t1:lb:{global}:all-time:ranking:rebuild"))
        .isNull();
    assertThat(RedisAudit.parseRankingKey(PREFIX, "t1:lb:{Not A Board}:all-time:ranking")).isNull();
    assertThat(RedisAudit.parseRankingKey(PREFIX, "t1:lb:{global:ranking")).isNull();
    assertThat(RedisAudit.parseRankingKey(PREFIX, "t2:lb:{global}:all-time:ranking")).isNull();
  }
}
