package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.SseIT.assertProblem;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.testsupport.FrozenProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis hangs, recovers, then stops, under an open stream: the stream stays open without an error
 * event, a board in memory can still be streamed, and a board not in memory is a quick 503. One
 * test, as the phases run on one Redis in order.
 */
class SseRedisDownIT {

  private static EmbeddedRedisServer redis;
  private static long redisPid;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    redis =
        EmbeddedRedisServer.start(
            Path.of(System.getProperty("java.io.tmpdir"), "sse-redis-down-" + UUID.randomUUID()),
            0,
            false);
    redisPid = redis.pid();
    gateway =
        new RunningGateway(redis.url(), Map.of("SCOREBOARD_GATEWAY_SSE_KEEP_ALIVE_MS", "200"));
    gateway.seed(top("warm-board", "all-time", 3, "alice", "bob"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    stopRedis();
  }

  private static void stopRedis() {
    try {
      redis.close();
    } catch (RuntimeException alreadyStopped) {
      // The test stopped it.
    }
  }

  @Test
  void openStreamsStayOpenAndABoardInMemoryStreamsWhileRedisIsHungOrDown() throws Exception {
    try (SseClient stream = open("warm-board", "alice")) {
      assertThat(stream.nextEvent().id()).isEqualTo("3");

      // hung: connections are accepted, nothing is answered
      try (FrozenProcess hung = FrozenProcess.freeze(redisPid)) {
        assertStreamingGoesOn(stream);
      }
      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(
              () -> {
                try (SseClient fresh = open("after-hang-board", "bob")) {
                  assertProblem(fresh, 404, "BOARD_NOT_FOUND");
                }
              });

      stopRedis();
      assertStreamingGoesOn(stream);
    }
  }

  private static void assertStreamingGoesOn(SseClient stream) {
    for (int i = 0; i < 3; i++) {
      assertThat(stream.nextComment()).isEqualTo(new SseClient.Comment("keep-alive"));
    }
    assertThat(stream.pending())
        .noneMatch(item -> item instanceof SseClient.Closed || item instanceof SseClient.Event);

    try (SseClient warm = open("warm-board", "bob")) {
      assertThat(warm.status()).isEqualTo(200);
      assertThat(warm.nextEvent().id()).isEqualTo("3");
    }

    long started = System.nanoTime();
    try (SseClient cold = open("cold-board", "carol")) {
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertProblem(cold, 503, "UNAVAILABLE");
      assertThat(cold.headers().firstValue("Retry-After")).isPresent();
      assertThat(took).isLessThan(Duration.ofSeconds(1));
    }
  }

  private static SseClient open(String board, String userId) {
    return SseClient.open(
        URI.create(
            gateway.http(
                "/api/v1/leaderboards/" + board + "/stream?access_token=" + gateway.token(userId))),
        b -> b);
  }
}
