package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import tools.jackson.databind.JsonNode;

class SubscriptionRecoveryIT {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway();
    gateway.define("recovery-board");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void changeMissedWhileTheSubscriptionWasDownIsSentAfterItReconnects() {
    gateway.seed(top("recovery-board", "all-time", 1, "alice"));
    String token = gateway.token("alice");
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=recovery-board"),
            b -> b.header("Authorization", "Bearer " + token))) {
      client.next("CONNECTION_ACK");
      client.next("SNAPSHOT");

      // Stored but never published: only the reload after reconnecting can deliver it.
      gateway.seed(top("recovery-board", "all-time", 2, "bob", "alice"));
      gateway.redis.sendCommand(Protocol.Command.CLIENT, "KILL", "TYPE", "pubsub");

      JsonNode update = client.next("LEADERBOARD_UPDATE");
      assertThat(update.path("seq").asLong()).isEqualTo(2);
      assertThat(update.path("entries").get(0).path("userId").asString()).isEqualTo("bob");
    }
  }
}
