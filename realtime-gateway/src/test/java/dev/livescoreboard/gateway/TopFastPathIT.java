package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.RawHttpConnection.get;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.RawHttpConnection.Response;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET} of a board's top N on a real gateway over one kept-alive connection: answered from
 * memory in request order around requests that wait for Redis, revalidated with 304, and following
 * each new state the projector publishes.
 */
class TopFastPathIT {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
    gateway.define("cors-board");
    gateway.define("keepalive-board");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void oneKeptAliveConnectionGetsEveryAnswerInOrderAndTheLatestState() {
    String path = "/api/v1/leaderboards/keepalive-board";
    gateway.seed(top("keepalive-board", "all-time", 5, "alice", "bob"));
    try (RawHttpConnection connection = new RawHttpConnection(gateway.server.port())) {
      connection.send(get(path)); // loads the board into memory
      Response loaded = connection.read();
      assertThat(loaded.status()).isEqualTo(200);
      String etag = loaded.headers().get("etag");
      assertThat(etag).isEqualTo("\"all-time-5-10-n2\"");

      // Pipelined: from memory, a health check that waits for a Redis PING, from memory again.
      connection.send(
          get(path)
              + get("/health")
              + get(path)
              + "HEAD "
              + path
              + " HTTP/1.1\r\nHost: gateway\r\n\r\n"
              + get(path, "If-None-Match: " + etag + "\r\n"));
      Response first = connection.read();
      Response health = connection.read();
      Response second = connection.read();
      Response head = connection.read(true);
      Response revalidated = connection.read();

      assertThat(first.status()).isEqualTo(200);
      assertThat(first.body()).isEqualTo(loaded.body());
      assertThat(json(health).has("redis")).isTrue();
      assertThat(second.body()).isEqualTo(loaded.body());
      assertThat(head.status()).isEqualTo(200);
      assertThat(head.headers().get("content-length"))
          .isEqualTo(String.valueOf(loaded.body().length()));
      assertThat(revalidated.status()).isEqualTo(304);
      assertThat(revalidated.body()).isEmpty();

      gateway.publish(top("keepalive-board", "all-time", 6, "bob", "alice"));
      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(
              () -> {
                connection.send(get(path, "If-None-Match: " + etag + "\r\n"));
                Response changed = connection.read();
                assertThat(changed.status()).isEqualTo(200);
                assertThat(changed.headers().get("etag")).isEqualTo("\"all-time-6-10-n2\"");
                JsonNode body = json(changed);
                assertThat(body.path("seq").asLong()).isEqualTo(6);
                assertThat(body.path("entries").get(0).path("userId").asString()).isEqualTo("bob");
              });
    }
  }

  /**
   * What the projector does when a user joins below the top N: the same state stored and published
   * again with the same seq and the board's new size. The answer from memory follows with the new
   * {@code totalUsers} and a new ETag, and WebSocket subscribers are sent nothing for it.
   */
  @Test
  void theSameStateRepublishedWithANewSizeChangesTotalUsersAndTheEtagWithoutABroadcast() {
    String path = "/api/v1/leaderboards/size-board";
    TopNChanged state = top("size-board", "all-time", 4, "alice", "bob");
    gateway.seed(state);
    String token = gateway.token("watcher");
    try (RawHttpConnection connection = new RawHttpConnection(gateway.server.port());
        WsClient watcher =
            WsClient.connect(
                gateway.ws("/ws?board=size-board"),
                b -> b.header("Authorization", "Bearer " + token))) {
      watcher.next("CONNECTION_ACK");
      watcher.next("SNAPSHOT");
      connection.send(get(path));
      Response before = connection.read();
      assertThat(json(before).path("totalUsers").asLong()).isEqualTo(2);
      String etag = before.headers().get("etag");

      TopNChanged resized = state.withTotalUsers(3);
      gateway.seed(resized);
      gateway.publish(resized);

      await()
          .atMost(10, TimeUnit.SECONDS)
          .untilAsserted(
              () -> {
                connection.send(get(path, "If-None-Match: " + etag + "\r\n"));
                Response after = connection.read();
                assertThat(after.status()).isEqualTo(200);
                assertThat(after.headers().get("etag")).isEqualTo("\"all-time-4-10-n3\"");
                JsonNode body = json(after);
                assertThat(body.path("totalUsers").asLong()).isEqualTo(3);
                assertThat(body.path("seq").asLong()).isEqualTo(4);
                assertThat(body.path("entries")).isEqualTo(json(before).path("entries"));
              });
      // Pub/sub keeps order: the next top change being the watcher's next message proves that
      // nothing was sent for the resize.
      gateway.publish(top("size-board", "all-time", 5, "bob", "alice"));
      JsonNode next = watcher.next();
      assertThat(next.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
      assertThat(next.path("seq").asLong()).isEqualTo(5);
    }
  }

  @Test
  void browsersFromAnAllowedOriginStillGetTheCorsHeaders() {
    String path = "/api/v1/leaderboards/cors-board";
    gateway.seed(top("cors-board", "all-time", 2, "carol"));
    try (RawHttpConnection connection = new RawHttpConnection(gateway.server.port())) {
      connection.send(get(path) + get(path, "Origin: " + RunningGateway.ALLOWED_ORIGIN + "\r\n"));
      Response plain = connection.read();
      Response cors = connection.read();

      assertThat(plain.headers()).doesNotContainKey("access-control-allow-origin");
      assertThat(cors.headers().get("access-control-allow-origin"))
          .isEqualTo(RunningGateway.ALLOWED_ORIGIN);
      assertThat(cors.headers().get("vary")).isEqualToIgnoringCase("origin");
      assertThat(cors.body()).isEqualTo(plain.body());
    }
  }

  private static JsonNode json(Response response) {
    return EventJson.fromJson(response.body(), JsonNode.class);
  }
}
