package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A burst of changes through real Redis pub/sub and a real WebSocket: the first goes out at once,
 * the rest collapse into one trailing broadcast of the latest state. The interval is long here so
 * that "at once" and "at the end of the interval" cannot be confused on a busy machine.
 */
class BroadcastThrottleIT {

  private static final Duration INTERVAL = Duration.ofSeconds(3);
  private static final String BOARD = "burst-board";

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        new RunningGateway(
            Map.of(
                "SCOREBOARD_GATEWAY_BROADCAST_INTERVAL_MS", String.valueOf(INTERVAL.toMillis())));
    gateway.define(BOARD);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void burstOfTwentyChangesSendsTheFirstAtOnceAndTheLatestAtTheEnd() throws Exception {
    gateway.seed(top(BOARD, "all-time", 100, "alice"));
    String token = gateway.token("watcher");
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=" + BOARD), b -> b.header("Authorization", "Bearer " + token))) {
      client.next("CONNECTION_ACK");
      assertThat(client.next("SNAPSHOT").path("seq").asLong()).isEqualTo(100);

      for (int seq = 101; seq <= 120; seq++) {
        gateway.publish(top(BOARD, "all-time", seq, "user" + seq, "alice"));
      }

      // Leading edge: well before the interval could have ended.
      JsonNode first = client.poll(INTERVAL.dividedBy(2));
      assertThat(first).as("the leading-edge broadcast").isNotNull();
      List<Long> seqs = new ArrayList<>();
      seqs.add(update(first));
      while (seqs.get(seqs.size() - 1) < 120) {
        seqs.add(update(client.next()));
      }

      assertThat(seqs).hasSizeLessThanOrEqualTo(3).isSorted().doesNotHaveDuplicates();
      String metrics = get("/metrics");
      assertThat(metrics).contains("gateway_board_changes_total{board=\"" + BOARD + "\"} 20.0");
      assertThat(metrics)
          .contains(
              "gateway_board_broadcasts_total{board=\"" + BOARD + "\"} " + seqs.size() + ".0");
    }
  }

  private static long update(JsonNode message) {
    assertThat(message.path("type").asString())
        .as(message.toString())
        .isEqualTo("LEADERBOARD_UPDATE");
    assertThat(message.path("entries").get(0).path("userId").asString())
        .isEqualTo("user" + message.path("seq").asLong());
    return message.path("seq").asLong();
  }

  private static String get(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(gateway.http(path))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
