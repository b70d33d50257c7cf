package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis hangs under a running gateway (its own redis-server, frozen with SIGSTOP) and comes back:
 * {@code /health} turns DOWN within SPEC §10's 5 s while a live client stays connected, and after
 * SIGCONT everything that reads Redis in the background is back by itself: health is UP, the board
 * registry learns a board defined since, the change subscription delivers updates and the
 * revocation feed still closes a revoked token's connection.
 */
class RedisHungIT {

  private static EmbeddedRedisServer redis;
  private static RunningGateway gateway;
  private static ReadApi api;

  @BeforeAll
  static void start() {
    redis = TestRedis.startOwnServer("gateway-redis-hung");
    gateway = new RunningGateway(redis.url(), Map.of());
    api = new ReadApi(gateway);
    gateway.seed(top("hung-board", "all-time", 3, "alice", "bob"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    redis.close();
  }

  @Test
  void healthIsDownWhileRedisHangsAndEveryBackgroundReaderRecoversAfter() throws Exception {
    String token = gateway.token("watcher");
    try (WsClient live =
        WsClient.connect(
            gateway.ws("/ws?board=hung-board"),
            b -> b.header("Authorization", "Bearer " + token))) {
      live.next("CONNECTION_ACK");
      assertThat(live.next("SNAPSHOT").path("seq").asLong()).isEqualTo(3);
      assertThat(api.get("/health").statusCode()).isEqualTo(200);

      try (FrozenProcess hung = FrozenProcess.freeze(redis.pid())) {
        HttpResponse<String> health = within(() -> api.get("/health"));
        assertThat(health.statusCode()).isEqualTo(503);
        assertThat(ReadApi.json(health).path("redis").asString()).isEqualTo("DOWN");
        live.send("{\"type\":\"PING\"}");
        assertThat(live.next("PONG").path("type").asString()).isEqualTo("PONG");
      }

      await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/health").statusCode() == 200);
      // The registry's periodic reload is running again.
      gateway.define("after-hang-board");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> api.get("/api/v1/leaderboards").body().contains("\"after-hang-board\""));
      // The change subscription delivers again.
      gateway.seed(top("hung-board", "all-time", 4, "bob", "alice"));
      gateway.publish(top("hung-board", "all-time", 4, "bob", "alice"));
      assertThat(live.next("LEADERBOARD_UPDATE").path("seq").asLong()).isEqualTo(4);
      // The revocation feed delivers again: the revoked token's connection closes.
      Instant now = Instant.now();
      new RevocationStore(gateway.redis, new RevocationKeys(gateway.keys.prefix()))
          .revoke(SignedJWT.parse(token).getJWTClaimsSet().getJWTID(), now.plusSeconds(3600), now);
      assertThat(live.closeCode).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(4001);
    }
  }
}
