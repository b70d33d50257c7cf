package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * A backlog on the topic (the projector was away while events piled up) is worked off in batches no
 * larger than {@code max.poll.records}, so memory per batch stays bounded however long the lag, and
 * every event ends up applied once.
 */
@SpringBootTest(
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.kafka.concurrency=1",
      "spring.kafka.listener.auto-startup=false",
      "spring.kafka.consumer.max-poll-records=" + ProjectorBacklogIT.MAX_POLL_RECORDS
    })
class ProjectorBacklogIT {

  static final int MAX_POLL_RECORDS = 50;
  private static final int USERS = 200;
  private static final int VERSIONS = 6;

  private static final String TOPIC = TestKafka.shared().newTopic("backlog", 1);
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);
  private static final String SEASON = "all-time";

  private static RedisClient redis;
  private static TestProducers kafka;

  private final String board = UniqueNames.of("backlog");
  private final ScoreEvents events = new ScoreEvents(board, SEASON);

  @Autowired private KafkaListenerEndpointRegistry listeners;
  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector"));
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

  @Test
  void aBacklogIsAppliedInBoundedBatchesAndCompletely() {
    List<ScoreChanged> backlog = new ArrayList<>();
    for (int version = 1; version <= VERSIONS; version++) {
      for (int user = 0; user < USERS; user++) {
        backlog.add(events.event("u" + user, 10L * version + user, version));
      }
    }
    kafka.sendAll(backlog);

    listeners.getListenerContainer(ScoreEventProjector.LISTENER_ID).start();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> redis.hlen(KEYS.versions(board, SEASON)) == USERS);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                redis.hvals(KEYS.versions(board, SEASON)).stream()
                    .allMatch(v -> v.equals(Integer.toString(VERSIONS))));
    DistributionSummary batches = meters.get("scoreboard.projector.batch.size").summary();
    assertThat(batches.max()).isLessThanOrEqualTo(MAX_POLL_RECORDS);
    assertThat(batches.totalAmount()).isGreaterThanOrEqualTo(backlog.size());
    assertThat(batches.count()).isGreaterThanOrEqualTo(backlog.size() / MAX_POLL_RECORDS);
    assertThat(meters.get("scoreboard.projector.events.applied").counter().count())
        .isEqualTo(backlog.size());
    assertThat(redis.zcard(KEYS.ranking(board, SEASON))).isEqualTo(USERS);
    // The last versions win: u199 has the highest score, 10 * VERSIONS + 199.
    TopNChanged top = EventJson.fromJson(redis.get(KEYS.top(board, SEASON)), TopNChanged.class);
    assertThat(top.entries().get(0))
        .isEqualTo(
            new LeaderboardEntry(
                1, "u" + (USERS - 1), "U" + (USERS - 1), 10L * VERSIONS + USERS - 1));
  }
}
