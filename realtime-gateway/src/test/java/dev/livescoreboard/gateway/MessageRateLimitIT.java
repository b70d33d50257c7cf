package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A client that floods its WebSocket with messages is told so, then disconnected. */
class MessageRateLimitIT {

  private static final int BURST = 5;

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway =
        new RunningGateway(
            Map.of(
                "SCOREBOARD_GATEWAY_MESSAGES_PER_SECOND",
                "1",
                "SCOREBOARD_GATEWAY_MESSAGE_BURST",
                Integer.toString(BURST)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void aFloodGetsRateLimitedThenAPolicyViolationClose() {
    String token = gateway.token("flooder");
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=flood-board"),
            b -> b.header("Authorization", "Bearer " + token))) {
      client.next("CONNECTION_ACK");
      // The server may close before the flood is all sent; the rest is then not sent.
      int sent = 0;
      while (sent < 4 * BURST && client.sendUnlessClosed("{\"type\":\"PING\"}")) {
        sent++;
      }

      List<String> pongsThenError = new ArrayList<>();
      JsonNode error = null;
      while (error == null) {
        JsonNode message = client.next();
        String type = message.path("type").asString();
        if (type.equals("ERROR") && message.path("code").asString().equals("RATE_LIMITED")) {
          error = message;
        } else if (type.equals("PONG")) {
          pongsThenError.add(type);
        }
      }
      // The burst, plus at most a token or two refilled while sending.
      assertThat(pongsThenError).hasSizeBetween(BURST, BURST + 2);
      assertThat(client.closeCode).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
    }
  }

  @Test
  void aClientWithinItsBurstIsServedAndStaysConnected() {
    String token = gateway.token("polite");
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=flood-board"),
            b -> b.header("Authorization", "Bearer " + token))) {
      client.next("CONNECTION_ACK");
      for (int i = 0; i < BURST; i++) {
        client.send("{\"type\":\"PING\"}");
      }
      int pongs = 0;
      while (pongs < BURST) {
        if (client.next().path("type").asString().equals("PONG")) {
          pongs++;
        }
      }
      assertThat(client.closeCode).isNotDone();
    }
  }
}
