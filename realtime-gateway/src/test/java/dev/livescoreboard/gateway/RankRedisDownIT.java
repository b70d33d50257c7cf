package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.RankReadsIT.assertProblem;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Redis stops: rank reads answer 503 fast, the top N in memory is still served. */
class RankRedisDownIT {

  private static EmbeddedRedisServer redis;
  private static RunningGateway gateway;
  private static ReadApi api;

  @BeforeAll
  static void start() {
    redis =
        EmbeddedRedisServer.start(
            Path.of(System.getProperty("java.io.tmpdir"), "redis-down-" + UUID.randomUUID()),
            0,
            false);
    gateway = new RunningGateway(redis.url(), Map.of());
    api = new ReadApi(gateway);
    gateway.seed(top("down-board", "all-time", 3, "u-a", "u-b"));
    gateway.score("down-board", "all-time", "u-a", 1000, 100);
    gateway.score("down-board", "all-time", "u-b", 990, 100);
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
  void rankReadsAre503WithRetryAfterWithinASecondWhileTheTopNIsStillServed() {
    assertThat(api.json("/api/v1/leaderboards/down-board/users/u-b").path("rank").asInt())
        .isEqualTo(2);
    assertThat(api.get("/api/v1/leaderboards/down-board").statusCode()).isEqualTo(200);

    stopRedis();

    for (String path :
        new String[] {
          "/api/v1/leaderboards/down-board/users/u-b",
          "/api/v1/leaderboards/down-board/around/u-b",
          "/api/v1/leaderboards/down-board/users?ids=u-a,u-b",
          "/api/v1/leaderboards/down-board?offset=1",
        }) {
      long started = System.nanoTime();
      HttpResponse<String> response = api.get(path);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertProblem(response, 503, "UNAVAILABLE");
      assertThat(response.headers().firstValue("Retry-After")).as(path).isPresent();
      assertThat(took).as(path).isLessThan(Duration.ofSeconds(1));
    }
    HttpResponse<String> top = api.get("/api/v1/leaderboards/down-board");
    assertThat(top.statusCode()).isEqualTo(200);
    assertThat(ReadApi.json(top).path("entries")).hasSize(2);
  }
}
