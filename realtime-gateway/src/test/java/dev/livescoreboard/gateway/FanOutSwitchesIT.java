package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The "before" of every fan-out feature at once (per-client frames, no flush consolidation, no
 * conflation), through the real pipeline: clients see exactly what they see with the features on.
 */
class FanOutSwitchesIT {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        new RunningGateway(
            Map.of(
                "SCOREBOARD_GATEWAY_FANOUT_SHARED_FRAME", "false",
                "SCOREBOARD_GATEWAY_FANOUT_FLUSH_CONSOLIDATION", "false",
                "SCOREBOARD_GATEWAY_FANOUT_CONFLATION", "false"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void withEveryFeatureOffSubscribersStillGetSnapshotThenUpdates() {
    gateway.seed(top("switches-board", "all-time", 1, "alice"));
    try (WsClient first = connect("alice");
        WsClient second = connect("bob")) {
      for (WsClient client : new WsClient[] {first, second}) {
        client.next("CONNECTION_ACK");
        assertThat(client.next("SNAPSHOT").path("seq").asLong()).isEqualTo(1);
      }

      // Over 1 KB, so Netty's encoder writes header and payload apart.
      String[] users = IntStream.range(0, 30).mapToObj(i -> "user" + i).toArray(String[]::new);
      gateway.publish(top("switches-board", "all-time", 2, users));

      for (WsClient client : new WsClient[] {first, second}) {
        JsonNode update = client.next("LEADERBOARD_UPDATE");
        assertThat(update.path("seq").asLong()).isEqualTo(2);
        assertThat(update.path("entries")).hasSize(30);
      }
    }
  }

  private static WsClient connect(String userId) {
    String token = gateway.token(userId);
    return WsClient.connect(
        gateway.ws("/ws?board=switches-board"), b -> b.header("Authorization", "Bearer " + token));
  }
}
