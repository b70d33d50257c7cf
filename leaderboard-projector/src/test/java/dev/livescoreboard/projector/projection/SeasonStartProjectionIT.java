package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/** The running projector applies SEASON_STARTED from real Kafka to real Redis. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false"
    })
class SeasonStartProjectionIT {

  private static final String TOPIC = TestKafka.shared().newTopic("score-events", 2);
  private static final String GROUP = UniqueNames.of("projector");
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final String DAY = "2026-12-03";
  private static final String NEXT_DAY = "2026-12-04";
  private static final Instant MIDNIGHT = Instant.parse("2026-12-04T00:00:00.000150Z");

  private static RedisClient redis;
  private static TestProducers kafka;

  private final String board = UniqueNames.of("season");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> GROUP);
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> PREFIX);
  }

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(URI.create(TestRedis.shared().url()));
    kafka = new TestProducers(TestKafka.shared().bootstrapServers(), TOPIC);
  }

  @AfterAll
  static void disconnect() {
    kafka.close();
    redis.close();
  }

  private SeasonStarted started(String season, String previous, Instant at) {
    return SeasonStarted.of(UUID.randomUUID(), board, season, previous, at, SeasonStarted.SCHEDULE);
  }

  private TopNChanged top(String season) {
    String json = redis.get(KEYS.top(board, season));
    return json == null ? null : EventJson.fromJson(json, TopNChanged.class);
  }

  /** Sends a definition on the board's key and waits for it: everything sent before is applied. */
  private void barrier(long version) {
    kafka.send(
        BoardDefined.of(
            UUID.randomUUID(), board, "Daily", 1000, 10, Seasons.DAILY, version, Instant.now()));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                String.valueOf(version).equals(redis.hget(KEYS.definition(board), "boardVersion")));
  }

  @Test
  void aNewSeasonBecomesCurrentWithAnEmptyTopThatIsPublishedAndTheOldOneStaysReadable()
      throws Exception {
    ScoreEvents day = new ScoreEvents(board, DAY);
    kafka.send(started(DAY, null, Instant.parse("2026-12-03T00:00:00.000100Z")));
    kafka.send(day.event("amy", 30, 1));
    kafka.send(day.event("bob", 20, 1));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> top(DAY) != null && top(DAY).entries().size() == 2);

    try (TopChangedSubscriber subscriber =
        TopChangedSubscriber.subscribe(TestRedis.shared().url(), KEYS.topChangedChannel())) {
      kafka.send(started(NEXT_DAY, DAY, MIDNIGHT));

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> NEXT_DAY.equals(redis.get(KEYS.currentSeason(board))));
      TopNChanged empty = top(NEXT_DAY);
      assertThat(empty.entries()).isEmpty();
      assertThat(empty.changes()).isEmpty();
      assertThat(empty.seq()).isPositive();
      assertThat(empty.sourceCommittedAt()).isEqualTo(MIDNIGHT);
      List<TopNChanged> published =
          subscriber.awaitMessages(1).stream().filter(t -> t.board().equals(board)).toList();
      assertThat(published).containsExactly(empty);
    }
    assertThat(redis.get(KEYS.currentSeasonOrder(board)))
        .isEqualTo(Long.toString(Seasons.order(NEXT_DAY)));
    assertThat(redis.zrevrange(KEYS.seasons(board), 0, -1)).containsExactly(NEXT_DAY, DAY);
    assertThat(redis.hgetAll(KEYS.seasonStarts(board)))
        .isEqualTo(Map.of(DAY, "2026-12-03T00:00:00.000100Z", NEXT_DAY, MIDNIGHT.toString()));
    assertThat(redis.hgetAll(KEYS.seasonEnds(board))).isEqualTo(Map.of(DAY, MIDNIGHT.toString()));
    assertThat(top(DAY).entries()).extracting(e -> e.userId()).containsExactly("amy", "bob");
  }

  @Test
  void aReplayedOrOlderSeasonStartChangesAndPublishesNothing() throws Exception {
    SeasonStarted day = started(DAY, null, Instant.parse("2026-12-03T00:00:00Z"));
    SeasonStarted reset = started(DAY + "-r2", DAY, Instant.parse("2026-12-03T12:00:00Z"));
    kafka.send(day);
    kafka.send(reset);
    barrier(1);
    TopNChanged before = top(DAY + "-r2");
    String starts = redis.hgetAll(KEYS.seasonStarts(board)).toString();
    String ends = redis.hgetAll(KEYS.seasonEnds(board)).toString();

    try (TopChangedSubscriber subscriber =
        TopChangedSubscriber.subscribe(TestRedis.shared().url(), KEYS.topChangedChannel())) {
      kafka.send(reset);
      kafka.send(day);
      barrier(2);

      assertThat(subscriber.messages()).noneMatch(json -> json.contains(board));
    }
    assertThat(redis.get(KEYS.currentSeason(board))).isEqualTo(DAY + "-r2");
    assertThat(top(DAY + "-r2")).isEqualTo(before);
    assertThat(redis.zrevrange(KEYS.seasons(board), 0, -1)).containsExactly(DAY + "-r2", DAY);
    assertThat(redis.hgetAll(KEYS.seasonStarts(board)).toString()).isEqualTo(starts);
    assertThat(redis.hgetAll(KEYS.seasonEnds(board)).toString()).isEqualTo(ends);
  }

  @Test
  void aSeasonWhoseScoresArrivedFirstKeepsItsTop() {
    ScoreEvents next = new ScoreEvents(board, NEXT_DAY);
    kafka.send(started(DAY, null, Instant.parse("2026-12-03T00:00:00Z")));
    kafka.send(next.event("amy", 10, 1));
    await().atMost(Duration.ofSeconds(30)).until(() -> top(NEXT_DAY) != null);
    TopNChanged scored = top(NEXT_DAY);

    kafka.send(started(NEXT_DAY, DAY, MIDNIGHT));
    barrier(1);

    assertThat(top(NEXT_DAY)).isEqualTo(scored);
    assertThat(redis.get(KEYS.currentSeason(board))).isEqualTo(NEXT_DAY);
    assertThat(redis.zrevrange(KEYS.seasons(board), 0, -1)).containsExactly(NEXT_DAY, DAY);
  }
}
