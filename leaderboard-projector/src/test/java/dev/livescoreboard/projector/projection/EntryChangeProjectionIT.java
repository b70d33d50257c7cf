package dev.livescoreboard.projector.projection;

import static dev.livescoreboard.events.EntryChanged.ACTIVE;
import static dev.livescoreboard.events.EntryChanged.CHANGE_ERASED;
import static dev.livescoreboard.events.EntryChanged.CHANGE_FROZEN;
import static dev.livescoreboard.events.EntryChanged.CHANGE_RENAMED;
import static dev.livescoreboard.events.EntryChanged.CHANGE_UNFROZEN;
import static dev.livescoreboard.events.EntryChanged.CHANGE_VISIBILITY;
import static dev.livescoreboard.events.EntryChanged.ERASED;
import static dev.livescoreboard.events.EntryChanged.ERASED_DISPLAY_NAME;
import static dev.livescoreboard.events.EntryChanged.FROZEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/** ENTRY_CHANGED through real Kafka into real Redis: freeze, unfreeze, rename, hide, erase. */
@SpringBootTest(
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.projection.top-n=3"
    })
class EntryChangeProjectionIT {

  private static final String TOPIC = TestKafka.shared().newTopic("entry-changes", 2);
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final String SEASON = "all-time";

  private static RedisClient redis;
  private static TestProducers kafka;

  private final String board = UniqueNames.of("entries");
  private final ScoreEvents events = new ScoreEvents(board, SEASON);

  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector-entries"));
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

  /** amy 50 (version 1), bob 30, carl 20, dan 10: the top 3 is amy, bob, carl. */
  private void fourPlayers() {
    kafka.send(events.event("amy", 50, 1));
    kafka.send(events.event("bob", 30, 1));
    kafka.send(events.event("carl", 20, 1));
    kafka.send(events.event("dan", 10, 1));
    awaitVersion("dan", "1");
    awaitVersion("amy", "1");
  }

  @Test
  void freezeTakesTheUserOffTheBoardAndUnfreezeRestoresThemWithTheirScore() {
    fourPlayers();
    long seq = top().seq();

    kafka.send(events.entry("amy", "AMY", FROZEN, CHANGE_FROZEN, 50, 2, 1000));

    awaitVersion("amy", "2");
    assertThat(top().entries())
        .containsExactly(
            new LeaderboardEntry(1, "bob", "BOB", 30),
            new LeaderboardEntry(2, "carl", "CARL", 20),
            new LeaderboardEntry(3, "dan", "DAN", 10));
    assertThat(top().seq()).isEqualTo(seq + 1);
    assertThat(rankingUserIds()).containsExactly("bob", "carl", "dan");
    assertThat(redis.hexists(KEYS.members(board, SEASON), "amy")).isFalse();
    assertThat(redis.hexists(KEYS.names(board, SEASON), "amy")).isFalse();

    kafka.send(events.entry("amy", "AMY", ACTIVE, CHANGE_UNFROZEN, 50, 3, 1000));

    awaitVersion("amy", "3");
    assertThat(top().entries())
        .containsExactly(
            new LeaderboardEntry(1, "amy", "AMY", 50),
            new LeaderboardEntry(2, "bob", "BOB", 30),
            new LeaderboardEntry(3, "carl", "CARL", 20));
    assertThat(top().seq()).isEqualTo(seq + 2);
    assertThat(redis.hget(KEYS.members(board, SEASON), "amy"))
        .isEqualTo(RankingCodec.member(ScoreEvents.BASE_MILLIS + 1000, "amy"));
  }

  /**
   * A user frozen below the top N changes the board's size only: the state is stored again with the
   * smaller totalUsers under the same seq; unfrozen, with the larger one.
   */
  @Test
  void freezingAndUnfreezingBelowTheTopNChangeOnlyTheStoredSize() {
    fourPlayers();
    TopNChanged before = top();
    assertThat(before.totalUsers()).isEqualTo(4);

    kafka.send(events.entry("dan", "DAN", FROZEN, CHANGE_FROZEN, 10, 2, 1000));
    awaitVersion("dan", "2");
    assertThat(top()).isEqualTo(before.withTotalUsers(3));

    kafka.send(events.entry("dan", "DAN", ACTIVE, CHANGE_UNFROZEN, 10, 3, 1000));
    awaitVersion("dan", "3");
    assertThat(top()).isEqualTo(before.withTotalUsers(4));
  }

  @Test
  void replayedAndReorderedDeliveriesChangeNothing() {
    fourPlayers();
    kafka.send(events.entry("amy", "AMY", FROZEN, CHANGE_FROZEN, 50, 2, 1000));
    awaitVersion("amy", "2");
    long seq = top().seq();
    String topJson = redis.get(KEYS.top(board, SEASON));
    double duplicates = counter("scoreboard.projector.entry-changes.duplicates");

    // The score change before the freeze, the freeze again, and an unfreeze older than it.
    kafka.send(events.event("amy", 50, 1));
    kafka.send(events.entry("amy", "AMY", FROZEN, CHANGE_FROZEN, 50, 2, 1000));
    kafka.send(events.entry("amy", "AMY", ACTIVE, CHANGE_UNFROZEN, 50, 1, 1000));
    // A later change of someone else marks the moment the replays were consumed.
    kafka.send(events.event("dan", 11, 2));
    awaitVersion("dan", "2");

    assertThat(counter("scoreboard.projector.entry-changes.duplicates") - duplicates).isEqualTo(2);
    assertThat(rankingUserIds()).containsExactly("bob", "carl", "dan");
    assertThat(redis.hget(KEYS.versions(board, SEASON), "amy")).isEqualTo("2");
    // Only dan's change moved the top; the replays published nothing.
    assertThat(top().seq()).isEqualTo(seq + 1);
    assertThat(redis.get(KEYS.top(board, SEASON))).isNotEqualTo(topJson);
  }

  @Test
  void aRenameAndAnonymousShowOnTheTopListAtTheirPlace() {
    fourPlayers();

    kafka.send(events.entry("bob", "Robert", ACTIVE, CHANGE_RENAMED, 30, 2, 1000));
    kafka.send(events.entry("carl", "Anonymous", ACTIVE, CHANGE_VISIBILITY, 20, 2, 1000));

    awaitVersion("carl", "2");
    assertThat(top().entries())
        .containsExactly(
            new LeaderboardEntry(1, "amy", "AMY", 50),
            new LeaderboardEntry(2, "bob", "Robert", 30),
            new LeaderboardEntry(3, "carl", "Anonymous", 20));
    assertThat(top().changes()).as("nobody moved").isEmpty();
  }

  @Test
  void eraseRemovesTheUserFromEverySeasonOfTheBoard() {
    ScoreEvents daily = new ScoreEvents(board, "2026-11-24");
    fourPlayers();
    kafka.send(daily.event("amy", 5, 1));
    kafka.send(daily.event("bob", 7, 1));
    await().until(() -> "1".equals(redis.hget(KEYS.versions(board, "2026-11-24"), "bob")));

    kafka.send(events.entry("amy", ERASED_DISPLAY_NAME, ERASED, CHANGE_ERASED, 50, 2, 1000));
    kafka.send(daily.entry("amy", ERASED_DISPLAY_NAME, ERASED, CHANGE_ERASED, 5, 2, 1000));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> "2".equals(redis.hget(KEYS.versions(board, "2026-11-24"), "amy")));
    awaitVersion("amy", "2");
    assertThat(rankingUserIds()).doesNotContain("amy");
    assertThat(redis.zrange(KEYS.ranking(board, "2026-11-24"), 0, -1))
        .extracting(RankingCodec::userId)
        .containsExactly("bob");
    assertThat(redis.hexists(KEYS.names(board, "2026-11-24"), "amy")).isFalse();
    assertThat(
            EventJson.fromJson(redis.get(KEYS.top(board, "2026-11-24")), TopNChanged.class)
                .entries())
        .extracting(LeaderboardEntry::userId)
        .containsExactly("bob");
  }

  private java.util.List<String> rankingUserIds() {
    return redis.zrange(KEYS.ranking(board, SEASON), 0, -1).stream()
        .map(RankingCodec::userId)
        .toList();
  }

  private void awaitVersion(String userId, String version) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Objects.equals(redis.hget(KEYS.versions(board, SEASON), userId), version));
  }

  private TopNChanged top() {
    String json = redis.get(KEYS.top(board, SEASON));
    assertThat(json).as("top snapshot of " + board).isNotNull();
    return EventJson.fromJson(json, TopNChanged.class);
  }

  private double counter(String name) {
    return meters.get(name).counter().count();
  }
}
