package dev.livescoreboard.projector.projection;

import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.infra.servers.KafkaBrokerProcess;
import dev.livescoreboard.projector.ActuatorHealth;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.TestRedis;
import dev.livescoreboard.testsupport.UniqueNames;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * Kafka hangs under a running projector (its own broker JVM, frozen with SIGSTOP) for longer than
 * the consumer's session: its health endpoint keeps answering within SPEC §10's 5 s, and after
 * SIGCONT the consumer is back in its group by itself and applies what is sent next, once each.
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
      // A short session, so that the hang outlasts it and the group must take the consumer back.
      "spring.kafka.consumer.properties.session.timeout.ms=6000",
      "spring.kafka.consumer.properties.heartbeat.interval.ms=1000"
    })
class KafkaHungIT {

  private static final Duration HANG = Duration.ofSeconds(10);
  private static final KafkaBrokerProcess KAFKA =
      TestKafka.startOwnBroker("projector-kafka-hung", 1);
  private static final String TOPIC = UniqueNames.of("score-events-kafka-hung");
  private static final String PREFIX = TestRedis.shared().newKeyPrefix();
  private static final LeaderboardKeys KEYS = new LeaderboardKeys(PREFIX);

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> UniqueNames.of("projector-kafka-hung"));
    registry.add("scoreboard.redis.url", TestRedis.shared()::url);
    registry.add("scoreboard.redis.key-prefix", () -> PREFIX);
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  @Test
  void theConsumerIsBackByItselfAfterKafkaHungAndAppliesWhatComesNext() {
    ScoreEvents events = new ScoreEvents("global", "all-time");
    try (TestProducers kafka = new TestProducers(KAFKA.bootstrapServers(), TOPIC);
        RedisClient redis = RedisClient.create(URI.create(TestRedis.shared().url()))) {
      kafka.send(events.event("amy", 10, 1));
      await().atMost(Duration.ofSeconds(60)).until(() -> "1".equals(version(redis, "amy")));

      try (FrozenProcess hung = FrozenProcess.freeze(KAFKA.pid())) {
        await()
            .during(HANG)
            .atMost(HANG.plusSeconds(30))
            .until(() -> within(() -> ActuatorHealth.status(port)) > 0);
      }

      kafka.send(events.event("amy", 20, 2));
      kafka.send(events.event("bob", 5, 1));
      await()
          .atMost(Duration.ofSeconds(90))
          .until(() -> "2".equals(version(redis, "amy")) && "1".equals(version(redis, "bob")));
      assertThat(redis.zcard(KEYS.ranking("global", "all-time"))).isEqualTo(2);
      assertThat(
              redis.zscore(
                  KEYS.ranking("global", "all-time"),
                  redis.hget(KEYS.members("global", "all-time"), "amy")))
          .isEqualTo(-20.0);
    }
  }

  private static String version(RedisClient redis, String user) {
    return redis.hget(KEYS.versions("global", "all-time"), user);
  }
}
