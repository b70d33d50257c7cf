package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
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
    try (WsClient client = connect("flooder")) {
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

  /**
   * Control frames count like messages: Netty answers each ping with a pong by itself, so a ping
   * flood would otherwise cost the gateway a write per frame without limit.
   */
  @Test
  void aPingFloodIsRateLimitedToo() {
    assertFloodIsRateLimited("ping-flooder", WsClient::pingUnlessClosed);
  }

  /**
   * A message trickled as many tiny fragments that never ends costs a frame each, so it is limited
   * like as many messages, before the fragments are joined.
   */
  @Test
  void aFloodOfTinyFragmentsIsRateLimited() {
    assertFloodIsRateLimited("fragment-flooder", client -> client.sendPartUnlessClosed("x", false));
  }

  /** A flooder's close costs nobody else: another client is served as before, and stays open. */
  @Test
  void otherClientsAreUnaffectedByAFlooder() {
    try (WsClient bystander = connect("bystander");
        WsClient flooder = connect("noisy")) {
      bystander.next("CONNECTION_ACK");
      flooder.next("CONNECTION_ACK");
      int sent = 0;
      while (sent < 4 * BURST && flooder.sendUnlessClosed("{\"type\":\"PING\"}")) {
        sent++;
      }
      assertThat(flooder.closeCode).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);

      bystander.send("{\"type\":\"PING\"}");
      JsonNode reply = bystander.next();
      while (!reply.path("type").asString().equals("PONG")) {
        reply = bystander.next();
      }
      assertThat(bystander.closeCode).isNotDone();
    }
    assertThat(gateway.metric("gateway_messages_rate_limited_total")).isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aClientWithinItsBurstIsServedAndStaysConnected() {
    try (WsClient client = connect("polite")) {
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

  /**
   * Sends frames by {@code sendOne} until the server closes, and asserts {@code ERROR RATE_LIMITED}
   * and the close 1008.
   */
  private static void assertFloodIsRateLimited(String userId, Predicate<WsClient> sendOne) {
    try (WsClient client = connect(userId)) {
      client.next("CONNECTION_ACK");
      for (int sent = 0; sent < 4 * BURST && sendOne.test(client); sent++) {
        // until the limit closes the connection
      }

      assertThat(rateLimitedError(client)).isNotNull();
      assertThat(client.closeCode).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(1008);
    }
  }

  /** The {@code ERROR RATE_LIMITED} the client got, skipping whatever came before it. */
  private static JsonNode rateLimitedError(WsClient client) {
    while (true) {
      JsonNode message = client.next();
      if (message.path("type").asString().equals("ERROR")
          && message.path("code").asString().equals("RATE_LIMITED")) {
        return message;
      }
    }
  }

  private static WsClient connect(String userId) {
    String token = gateway.token(userId);
    return WsClient.connect(
        gateway.ws("/ws?board=flood-board"), b -> b.header("Authorization", "Bearer " + token));
  }
}
