package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.RankReadsIT.assertProblem;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.testsupport.FrozenProcess;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis hangs, recovers, then stops: rank reads answer 503 fast while it is away, the top N in
 * memory is still served, and reads work again by themselves once Redis answers. One test, as the
 * phases run on one Redis in order.
 */
class RankRedisDownIT {

  private static final String RANK = "/api/v1/leaderboards/down-board/users/u-b";

  private static EmbeddedRedisServer redis;

  /** Read up front: {@code EmbeddedRedisServer.pid()} asks Redis itself. */
  private static long redisPid;

  private static RunningGateway gateway;
  private static ReadApi api;

  @BeforeAll
  static void start() {
    redis =
        EmbeddedRedisServer.start(
            Path.of(System.getProperty("java.io.tmpdir"), "redis-down-" + UUID.randomUUID()),
            0,
            false);
    redisPid = redis.pid();
    gateway = new RunningGateway(redis.url(), Map.of());
    gateway.define("down-board");
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
  void rankReadsAre503WithinASecondWhileTheTopNAndLiveClientsAreStillServed() throws Exception {
    assertThat(api.json(RANK).path("rank").asInt()).isEqualTo(2);
    assertThat(api.get("/api/v1/leaderboards/down-board").statusCode()).isEqualTo(200);
    String token = gateway.token("watcher");
    try (WsClient live =
        WsClient.connect(
            gateway.ws("/ws?board=down-board"),
            b -> b.header("Authorization", "Bearer " + token))) {
      live.next("CONNECTION_ACK");
      assertThat(live.next("SNAPSHOT").path("seq").asLong()).isEqualTo(3);

      // hung: connections are accepted, nothing is answered
      try (FrozenProcess hung = FrozenProcess.freeze(redisPid)) {
        assertEveryRankReadIsAQuick503();
        assertStillConnected(live);
      }
      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(() -> assertThat(api.get(RANK).statusCode()).isEqualTo(200));
      // Recovered by itself: a change made now reaches the client that stayed connected.
      gateway.seed(top("down-board", "all-time", 4, "u-b", "u-a"));
      gateway.publish(top("down-board", "all-time", 4, "u-b", "u-a"));
      assertThat(live.next("LEADERBOARD_UPDATE").path("seq").asLong()).isEqualTo(4);

      stopRedis();
      assertEveryRankReadIsAQuick503();
      assertStillConnected(live);
    }
  }

  /** The connection is open and answered by the gateway itself, which needs no Redis for it. */
  private static void assertStillConnected(WsClient live) {
    live.send("{\"type\":\"PING\"}");
    assertThat(live.next("PONG").path("type").asString()).isEqualTo("PONG");
    assertThat(live.closeCode).isNotDone();
  }

  private static void assertEveryRankReadIsAQuick503() {
    for (String path :
        new String[] {
          RANK,
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
