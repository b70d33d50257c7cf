package dev.livescoreboard.projector.projection;

import static dev.livescoreboard.projector.projection.ScriptFixture.BOARD;
import static dev.livescoreboard.projector.projection.ScriptFixture.SEASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Lua apply against real Redis: ranking rule, idempotency, seq, current season. */
class ApplyScoreEventScriptIT {

  private ScriptFixture fx;

  @BeforeEach
  void setUp() {
    fx = new ScriptFixture(3);
  }

  @AfterEach
  void tearDown() throws InterruptedException {
    fx.close();
  }

  @Test
  void rankingOrderIsHigherScoreThenEarlierReachThenSmallerUserId() {
    fx.script.apply(fx.events.event("bob", "Bob", 70, 1, 3000));
    fx.script.apply(fx.events.event("amy", "Amy", 70, 1, 3000));
    fx.script.apply(fx.events.event("dora", "Dora", 50, 1, 1000));
    fx.script.apply(fx.events.event("carl", "Carl", 50, 1, 1000));
    fx.script.apply(fx.events.event("ed", "Ed", 50, 1, 500));

    assertThat(fx.rankingUserIds()).containsExactly("amy", "bob", "ed", "carl", "dora");
    assertThat(
            fx.redis.zscore(
                fx.keys.ranking(BOARD, SEASON),
                fx.redis.hget(fx.keys.members(BOARD, SEASON), "amy")))
        .isEqualTo(RankingCodec.sortScore(70));
  }

  @Test
  void newScoreReplacesTheUsersOldRankingMember() {
    fx.script.apply(fx.events.event("amy", 70, 1));
    fx.script.apply(fx.events.event("carl", 50, 1));

    fx.script.apply(fx.events.event("carl", "CARL", 80, 2, 9000));

    assertThat(fx.rankingUserIds()).containsExactly("carl", "amy");
    assertThat(fx.redis.hget(fx.keys.members(BOARD, SEASON), "carl"))
        .isEqualTo(RankingCodec.member(ScoreEvents.BASE_MILLIS + 9000, "carl"));
    assertThat(fx.redis.hget(fx.keys.versions(BOARD, SEASON), "carl")).isEqualTo("2");
  }

  @Test
  void sameEventAppliedTwiceCountsOnceAndPublishesOnce() {
    ScoreChanged first = fx.events.event("amy", "Amy", 10, 1, 0);
    ApplyOutcome applied = fx.script.apply(first);
    String topAfterFirst = fx.top();

    ApplyOutcome replay = fx.script.apply(first);
    ApplyOutcome renamedReplay = fx.script.apply(fx.events.event("amy", "Renamed", 99, 1, 0));

    assertThat(applied.applied()).isTrue();
    assertThat(replay).isEqualTo(ApplyOutcome.DUPLICATE);
    assertThat(renamedReplay).isEqualTo(ApplyOutcome.DUPLICATE);
    assertThat(fx.seq()).isEqualTo(Long.toString(applied.seq()));
    assertThat(fx.top()).isEqualTo(topAfterFirst);
    assertThat(fx.redis.hget(fx.keys.names(BOARD, SEASON), "amy")).isEqualTo("Amy");
    assertThat(fx.redis.zcard(fx.keys.ranking(BOARD, SEASON))).isEqualTo(1);
    // A later real change is the next message: nothing was published in between.
    ApplyOutcome marker = fx.script.apply(fx.events.event("bob", 20, 1));
    List<TopNChanged> published = fx.subscriber.awaitMessages(2);
    assertThat(published).extracting(TopNChanged::seq).containsExactly(applied.seq(), marker.seq());
    assertThat(marker.seq()).isEqualTo(applied.seq() + 1);
  }

  @Test
  void olderVersionAfterNewerIsIgnored() {
    ApplyOutcome newer = fx.script.apply(fx.events.event("amy", 30, 2));

    ApplyOutcome older = fx.script.apply(fx.events.event("amy", 10, 1));

    assertThat(older).isEqualTo(ApplyOutcome.DUPLICATE);
    assertThat(
            fx.redis.zscore(
                fx.keys.ranking(BOARD, SEASON),
                fx.redis.hget(fx.keys.members(BOARD, SEASON), "amy")))
        .isEqualTo(RankingCodec.sortScore(30));
    assertThat(fx.redis.hget(fx.keys.versions(BOARD, SEASON), "amy")).isEqualTo("2");
    assertThat(fx.seq()).isEqualTo(Long.toString(newer.seq()));
  }

  @Test
  void seqIsSeededFromRedisTimeAndKeepsGrowingAfterTheSeqKeyIsDeleted() {
    long before = redisTimeMicros();
    long first = fx.script.apply(fx.events.event("amy", 10, 1)).seq();
    assertThat(first).isBetween(before + 1, redisTimeMicros() + 1);
    long second = fx.script.apply(fx.events.event("bob", 20, 1)).seq();
    assertThat(second).isEqualTo(first + 1);
    // Redis "lost" the counter: the next seq still must not repeat or go back.
    await().until(() -> redisTimeMicros() > second);
    fx.redis.del(fx.keys.seq(BOARD, SEASON));

    long third = fx.script.apply(fx.events.event("carl", 30, 1)).seq();

    assertThat(third).isGreaterThan(second);
    assertThat(fx.subscriber.awaitMessages(3))
        .extracting(TopNChanged::seq)
        .containsExactly(first, second, third);
  }

  @Test
  void currentSeasonFollowsTheNewestSeasonThatReceivedAScore() {
    ScoreEvents november = new ScoreEvents(BOARD, "2026-11");
    ScoreEvents october = new ScoreEvents(BOARD, "2026-10");
    ScoreEvents december = new ScoreEvents(BOARD, "2026-12");
    String key = fx.keys.currentSeason(BOARD);

    fx.script.apply(november.event("amy", 10, 1));
    assertThat(fx.redis.get(key)).isEqualTo("2026-11");
    fx.script.apply(october.event("amy", 10, 1));
    assertThat(fx.redis.get(key)).isEqualTo("2026-11");
    fx.script.apply(december.event("amy", 10, 1));
    assertThat(fx.redis.get(key)).isEqualTo("2026-12");
  }

  @Test
  void currentSeasonIsTheOneThatStartsLastNotTheGreatestString() {
    String key = fx.keys.currentSeason(BOARD);

    fx.script.apply(new ScoreEvents(BOARD, "all-time").event("amy", 10, 1));
    fx.script.apply(new ScoreEvents(BOARD, "2026-12-03").event("amy", 10, 1));
    // As a string, "all-time" is greater than every dated id.
    assertThat(fx.redis.get(key)).isEqualTo("2026-12-03");
    fx.script.apply(new ScoreEvents(BOARD, "2026-12-03-r10").event("amy", 10, 1));
    fx.script.apply(new ScoreEvents(BOARD, "2026-12-03-r9").event("amy", 10, 1));
    fx.script.apply(new ScoreEvents(BOARD, "all-time").event("bob", 10, 1));
    assertThat(fx.redis.get(key)).isEqualTo("2026-12-03-r10");
    assertThat(fx.redis.get(fx.keys.currentSeasonOrder(BOARD)))
        .isEqualTo(Long.toString(Seasons.order("2026-12-03-r10")));
  }

  @Test
  void scriptIsEvaluatedAgainAfterRedisForgotIt() {
    fx.script.apply(fx.events.event("amy", 10, 1));
    fx.redis.scriptFlush();

    ApplyOutcome outcome = fx.script.apply(fx.events.event("bob", 20, 1));

    assertThat(outcome.applied()).isTrue();
    assertThat(fx.rankingUserIds()).containsExactly("bob", "amy");
    assertThat(fx.redis.scriptExists(fx.script.sha1(), "any")).isTrue();
  }

  @Test
  void everyKeyWrittenBelongsToTheBoardHashTag() {
    fx.script.apply(fx.events.event("amy", 10, 1));

    assertThat(fx.redis.keys(fx.keys.prefix() + "*"))
        .isNotEmpty()
        .allSatisfy(key -> assertThat(key).startsWith(fx.keys.prefix() + "lb:{" + BOARD + "}:"));
    assertThat(fx.redis.hgetAll(fx.keys.names(BOARD, SEASON))).isEqualTo(Map.of("amy", "AMY"));
  }

  private long redisTimeMicros() {
    Object micros = fx.redis.eval("local t = redis.call('TIME') return t[1] * 1000000 + t[2]");
    return (Long) micros;
  }
}
