package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.projector.ActuatorHealth;
import dev.livescoreboard.testsupport.TestKafka;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;
import redis.embedded.RedisServer;

/**
 * A Redis outage delays events but never skips them: the projector starts against a Redis that is
 * not there yet, keeps retrying the event, and applies it once Redis is up.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.level.org.apache.kafka=WARN",
      "logging.level.kafka=WARN",
      "scoreboard.rebuild.auto-detect=false",
      "scoreboard.reconciliation.enabled=false",
      "scoreboard.kafka.retry.initial-interval=50ms",
      "scoreboard.kafka.retry.max-interval=300ms"
    })
class RedisOutageIT {

  private static final int REDIS_PORT = freePort();
  private static final String TOPIC = TestKafka.shared().newTopic("score-events-outage", 1);
  private static final String GROUP = UniqueNames.of("projector-outage");
  private static final LeaderboardKeys KEYS = new LeaderboardKeys("");

  private static RedisServer lateRedis;

  @LocalServerPort private int port;
  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", TestKafka.shared()::bootstrapServers);
    registry.add("scoreboard.kafka.topic", () -> TOPIC);
    registry.add("scoreboard.kafka.group", () -> GROUP);
    registry.add("scoreboard.redis.url", () -> "redis://127.0.0.1:" + REDIS_PORT);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (lateRedis != null) {
      lateRedis.stop();
    }
  }

  @Test
  void eventWaitsWhileRedisIsDownAndIsAppliedOnceRedisIsBack() throws Exception {
    assertThat(healthStatus()).isEqualTo(503);
    ScoreEvents events = new ScoreEvents("global", "all-time");
    try (TestProducers kafka = new TestProducers(TestKafka.shared().bootstrapServers(), TOPIC)) {
      kafka.send(events.event("amy", 10, 1));
      kafka.send(events.event("amy", 20, 2));
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> failures() >= 3);
    lateRedis = startRedis(Files.createTempDirectory("late-redis"));

    try (RedisClient redis = RedisClient.create(URI.create("redis://127.0.0.1:" + REDIS_PORT))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> Objects.equals(redis.hget(KEYS.versions("global", "all-time"), "amy"), "2"));
      assertThat(redis.zcard(KEYS.ranking("global", "all-time"))).isEqualTo(1);
    }
    assertThat(meters.get("scoreboard.projector.events.applied").counter().count()).isEqualTo(2);
    assertThat(healthStatus()).isEqualTo(200);
  }

  private static RedisServer startRedis(Path dataDir) throws IOException {
    RedisServer redis =
        RedisServer.newRedisServer()
            .port(REDIS_PORT)
            .bind("127.0.0.1")
            .setting("dir " + dataDir.toAbsolutePath())
            .setting("appendonly no")
            .setting("save \"\"")
            .build();
    redis.start();
    return redis;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private double failures() {
    return meters.get("scoreboard.projector.apply.failures").counter().count();
  }

  /** The Redis component of /actuator/health (the projector runs without PostgreSQL here). */
  private int healthStatus() throws Exception {
    return ActuatorHealth.status(port, "redis");
  }
}
