package dev.livescoreboard.projector.projection;

import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.projector.ActuatorHealth;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * Redis hangs under a running projector (its own redis-server, frozen with SIGSTOP: connections
 * stay open, nothing answers): health turns DOWN within SPEC §10's 5 s, the consumer commits no
 * offset past an event it could not apply, and after SIGCONT every event is applied once, in order,
 * and health is UP again.
 */
// Its server is closed after the class: the context, which talks to it, goes with it.
@DirtiesContext
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.kafka.retry.initial-interval=50ms",
      "scoreboard.kafka.retry.max-interval=500ms"
    })
class RedisHungIT {

  private static final EmbeddedRedisServer REDIS = TestRedis.startOwnServer("projector-hung");
  private static final String TOPIC = TestKafka.shared().newTopic("score-events-hung", 1);
  private static final String GROUP = UniqueNames.of("projector-hung");
  private static final LeaderboardKeys KEYS = new LeaderboardKeys("");

  @LocalServerPort private int port;
  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> GROUP);
    registry.add("scoreboard.redis.url", REDIS::url);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }

  @Test
  void noOffsetPassesAnUnappliedEventWhileRedisHangsAndEverythingAppliesOnceAfter()
      throws Exception {
    ScoreEvents events = new ScoreEvents("global", "all-time");
    try (TestProducers kafka = new TestProducers(TestKafka.shared().bootstrapServers(), TOPIC);
        RedisClient redis = RedisClient.create(URI.create(REDIS.url()))) {
      kafka.send(events.event("amy", 10, 1));
      await().atMost(Duration.ofSeconds(60)).until(() -> "1".equals(version(redis, "amy")));
      await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset() == 1);

      try (FrozenProcess hung = FrozenProcess.freeze(REDIS.pid())) {
        double failuresBefore = failures();
        kafka.send(events.event("amy", 20, 2));
        kafka.send(events.event("bob", 5, 1));
        kafka.send(events.event("amy", 30, 3));
        await().atMost(Duration.ofSeconds(30)).until(() -> failures() >= failuresBefore + 2);
        assertThat(within(() -> ActuatorHealth.status(port, "redis"))).isEqualTo(503);
        assertThat(committedOffset()).as("committed past an unapplied event").isEqualTo(1);
      }

      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> "3".equals(version(redis, "amy")) && "1".equals(version(redis, "bob")));
      await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset() == 4);
      String ranking = KEYS.ranking("global", "all-time");
      assertThat(redis.zcard(ranking)).isEqualTo(2);
      assertThat(redis.zrangeWithScores(ranking, 0, -1))
          .extracting(tuple -> -tuple.getScore())
          .containsExactly(30.0, 5.0);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> within(() -> ActuatorHealth.status(port, "redis")) == 200);
    }
  }

  private double failures() {
    return meters.get("scoreboard.projector.apply.failures").counter().count();
  }

  private static String version(RedisClient redis, String user) {
    return redis.hget(KEYS.versions("global", "all-time"), user);
  }

  /** The group's committed offset of the topic's one partition (0 when none yet). */
  private static long committedOffset() throws Exception {
    try (Admin admin =
        Admin.create(
            Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.shared().bootstrapServers()))) {
      Map<TopicPartition, OffsetAndMetadata> offsets =
          admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
      OffsetAndMetadata committed = offsets.get(new TopicPartition(TOPIC, 0));
      return Objects.isNull(committed) ? 0 : committed.offset();
    }
  }
}
