package dev.livescoreboard.projector.rebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.BoardDefinitionHash;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.script.ScriptKeys;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/** The projector notices on its own that Redis lost its data and rebuilds from PostgreSQL. */
@SpringBootTest(
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.projection.top-n=2",
      "scoreboard.rebuild.auto-detect=true",
      "scoreboard.rebuild.check-interval=200ms",
      "scoreboard.reconciliation.enabled=false"
    })
class RedisLossDetectionIT {

  private static final ScoreboardDatabase DB = ScoreboardDatabase.create();
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final ScriptKeys REBUILD_KEYS = new ScriptKeys(KEYS);
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  private static RedisClient redis;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", DB.db::jdbcUrl);
    registry.add("spring.datasource.username", DB.db::username);
    registry.add("spring.datasource.password", DB.db::password);
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add(
        "scoreboard.kafka.topic", () -> TestKafka.shared().newTopic("score-events-lost", 1));
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector-lost"));
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> PREFIX);
  }

  @BeforeAll
  static void connect() {
    redis = RedisClient.create(URI.create(TestRedis.shared().url()));
  }

  @AfterAll
  static void disconnect() {
    redis.close();
  }

  @Test
  void boardsInPostgresAreRebuiltOnceFoundMissingAndAgainAfterFlushAll() {
    DB.board("lost-a");
    DB.user("ann", "Ann", "active", true);
    DB.user("ben", "Ben", "active", true);
    DB.score("lost-a", "all-time", "ann", 10, 1, T0);
    DB.score("lost-a", "all-time", "ben", 20, 2, T0);
    DB.score("lost-a", "2026-11", "ann", 5, 1, T0);

    awaitRebuilt("lost-a", "all-time", 2);
    awaitRebuilt("lost-a", "2026-11", 1);
    redis.flushAll();

    awaitRebuilt("lost-a", "all-time", 2);
    awaitRebuilt("lost-a", "2026-11", 1);
    assertThat(BoardState.read(redis, KEYS, "lost-a", "all-time").top())
        .containsExactly(
            new LeaderboardEntry(1, "ben", "Ben", 20), new LeaderboardEntry(2, "ann", "Ann", 10));
    // The newest season by start, whichever order the rebuilds ran in ("all-time" is the greater
    // string, but every dated season starts after it).
    assertThat(redis.get(KEYS.currentSeason("lost-a"))).isEqualTo("2026-11");
  }

  @Test
  void boardDefinitionsAreRestoredFromPostgresAndTheRebuiltTopHasTheBoardsSize() {
    DB.board("lost-small", 1);
    DB.user("cy", "Cy", "active", true);
    DB.user("di", "Di", "active", true);
    // The detector polls every 200 ms: both scores at once, or it may rebuild a board of one.
    DB.inOneTransaction(
        () -> {
          DB.score("lost-small", "all-time", "cy", 10, 1, T0);
          DB.score("lost-small", "all-time", "di", 20, 1, T0);
        });

    awaitRebuilt("lost-small", "all-time", 2);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(redis.smembers(KEYS.boards())).contains("global", "lost-small"));
    BoardDefined small = BoardDefinitionHash.parse(redis.hgetAll(KEYS.definition("lost-small")));
    assertThat(small.topN()).isEqualTo(1);
    assertThat(small.boardVersion()).isEqualTo(1);
    // The projector's default is 2 (top-n above); the board says 1. A rebuild that ran before the
    // definition was restored is corrected by the restore, which republishes at the new size.
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(BoardState.read(redis, KEYS, "lost-small", "all-time").top())
                    .containsExactly(new LeaderboardEntry(1, "di", "Di", 20)));
    assertThat(BoardDefinitionHash.parse(redis.hgetAll(KEYS.definition("global"))).title())
        .isEqualTo("Global");
  }

  @Test
  void theSeasonListsAreRestoredFromPostgresAfterRedisLostThem() {
    DB.board("lost-seasons");
    Instant first = Instant.parse("2026-11-30T00:00:00.000200Z");
    Instant second = Instant.parse("2026-12-01T00:00:00.000300Z");
    DB.jdbc.update(
        "INSERT INTO seasons (board_id, season, started_at, ended_at, reason) VALUES"
            + " ('lost-seasons', '2026-11-30', ?, ?, 'SCHEDULE'),"
            + " ('lost-seasons', '2026-12-01', ?, NULL, 'SCHEDULE')",
        java.sql.Timestamp.from(first),
        java.sql.Timestamp.from(second),
        java.sql.Timestamp.from(second));

    awaitSeasons("lost-seasons", "2026-12-01", "2026-11-30");
    redis.flushAll();

    awaitSeasons("lost-seasons", "2026-12-01", "2026-11-30");
    assertThat(redis.get(KEYS.currentSeason("lost-seasons"))).isEqualTo("2026-12-01");
    assertThat(redis.hgetAll(KEYS.seasonStarts("lost-seasons")))
        .isEqualTo(
            java.util.Map.of("2026-11-30", first.toString(), "2026-12-01", second.toString()));
    assertThat(redis.hgetAll(KEYS.seasonEnds("lost-seasons")))
        .isEqualTo(java.util.Map.of("2026-11-30", second.toString()));
    // The current season has an empty top N to serve; the ended one got none published.
    assertThat(redis.exists(KEYS.top("lost-seasons", "2026-12-01"))).isTrue();
    assertThat(redis.exists(KEYS.top("lost-seasons", "2026-11-30"))).isFalse();
  }

  private void awaitSeasons(String board, String... newestFirst) {
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(redis.zrevrange(KEYS.seasons(board), 0, -1))
                    .containsExactly(newestFirst));
  }

  private void awaitRebuilt(String board, String season, long users) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                redis.exists(REBUILD_KEYS.built(board, season))
                    && redis.zcard(KEYS.ranking(board, season)) == users
                    && redis.exists(KEYS.top(board, season)));
  }
}
