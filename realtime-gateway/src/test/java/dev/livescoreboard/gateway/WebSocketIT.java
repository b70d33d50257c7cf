package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.TopNChanged;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WebSocketIT {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_MAX_CONNECTIONS_PER_USER", "2"));
    gateway.define("expiry-board");
    gateway.define("limit-board");
    gateway.define("proto-board");
    gateway.define("q-board");
    gateway.define("ack-board");
    gateway.define("big-board");
    gateway.define("live-board");
    gateway.define("other-board");
    gateway.define("season-board");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void validTokenGetsConnectionAckThenSnapshot() {
    gateway.seed(top("ack-board", "all-time", 5, "alice", "bob"));
    try (WsClient client = connect("ack-board", "alice")) {
      JsonNode ack = client.next("CONNECTION_ACK");
      assertThat(ack.path("userId").asString()).isEqualTo("alice");
      assertThat(ack.path("connectionId").asString()).isNotBlank();
      assertThat(ack.path("heartbeatSeconds").asInt()).isEqualTo(30);

      JsonNode snapshot = client.next("SNAPSHOT");
      assertThat(snapshot.path("board").asString()).isEqualTo("ack-board");
      assertThat(snapshot.path("season").asString()).isEqualTo("all-time");
      assertThat(snapshot.path("seq").asLong()).isEqualTo(5);
      assertThat(snapshot.path("entries")).hasSize(2);
      assertThat(snapshot.path("entries").get(0).path("displayName").asString())
          .isEqualTo("Name alice");
    }
  }

  @Test
  void publishedChangeReachesTheSubscriberAndStaleOnesDoNot() {
    gateway.seed(top("live-board", "all-time", 10, "alice"));
    try (WsClient client = connect("live-board", "bob")) {
      client.next("CONNECTION_ACK");
      client.next("SNAPSHOT");

      gateway.publish(top("live-board", "all-time", 11, "bob", "alice"));
      JsonNode update = client.next("LEADERBOARD_UPDATE");
      assertThat(update.path("seq").asLong()).isEqualTo(11);
      assertThat(update.path("entries").get(0).path("userId").asString()).isEqualTo("bob");
      assertThat(update.path("changes").get(0).path("toRank").asInt()).isEqualTo(1);
      assertThat(update.path("changes").get(0).path("fromRank").isNull()).isTrue();
      assertThat(update.path("sourceCommittedAt").asString()).isEqualTo("2026-11-24T10:15:30Z");

      gateway.publish(top("live-board", "all-time", 9, "mallory"));
      gateway.publish(top("live-board", "all-time", 11, "mallory"));
      gateway.publish(top("live-board", "all-time", 14, "carol"));
      JsonNode next = client.next("LEADERBOARD_UPDATE");
      assertThat(next.path("seq").asLong()).isEqualTo(14);
      assertThat(next.path("entries").get(0).path("userId").asString()).isEqualTo("carol");
    }
  }

  @Test
  void largeTopReachesEverySubscriberAsOnePreEncodedFrame() {
    gateway.seed(top("big-board", "all-time", 1, "alice"));
    try (WsClient first = connect("big-board", "frank");
        WsClient second = connect("big-board", "grace")) {
      for (WsClient client : List.of(first, second)) {
        client.next("CONNECTION_ACK");
        client.next("SNAPSHOT");
      }

      // Over 1 KB: Netty's encoder produced header and payload apart when the frame was made.
      String[] users = IntStream.range(0, 30).mapToObj(i -> "user" + i).toArray(String[]::new);
      gateway.publish(top("big-board", "all-time", 2, users));

      for (WsClient client : List.of(first, second)) {
        JsonNode update = client.next("LEADERBOARD_UPDATE");
        assertThat(update.path("seq").asLong()).isEqualTo(2);
        assertThat(update.path("entries")).hasSize(30);
        assertThat(update.path("entries").get(29).path("userId").asString()).isEqualTo("user29");
      }
    }
  }

  @Test
  void tokenInTheSubprotocolIsAcceptedAndTheSubprotocolEchoed() {
    String token = gateway.token("carol");
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=proto-board"), b -> b.subprotocols("bearer", token))) {
      assertThat(client.subprotocol()).isEqualTo("bearer");
      assertThat(client.next("CONNECTION_ACK").path("userId").asString()).isEqualTo("carol");
      JsonNode empty = client.next("SNAPSHOT");
      assertThat(empty.path("seq").asLong()).isZero();
      assertThat(empty.path("entries").isEmpty()).isTrue();
    }
  }

  @Test
  void tokenInTheQueryIsAcceptedAndClientMessagesWork() {
    String token = gateway.token("dave");
    try (WsClient client =
        WsClient.connect(gateway.ws("/ws?board=q-board&access_token=" + token), b -> b)) {
      client.next("CONNECTION_ACK");
      client.next("SNAPSHOT");

      client.send("{\"type\":\"PING\"}");
      client.next("PONG");

      client.send("{\"type\":\"SUBSCRIBE\",\"board\":\"Not Valid\"}");
      assertThat(client.next("ERROR").path("code").asString()).isEqualTo("INVALID_BOARD");

      gateway.seed(top("other-board", "2026-W48", 3, "erin"));
      client.send("{\"type\":\"SUBSCRIBE\",\"board\":\"other-board\"}");
      JsonNode snapshot = client.next("SNAPSHOT");
      assertThat(snapshot.path("board").asString()).isEqualTo("other-board");
      assertThat(snapshot.path("season").asString()).isEqualTo("2026-W48");
    }
  }

  @Test
  void frameAboveTheLimitClosesWith1009() {
    try (WsClient client = connect("big-board", "frank")) {
      client.next("CONNECTION_ACK");
      client.send("{\"type\":\"PING\",\"pad\":\"" + "x".repeat(5000) + "\"}");
      assertThat(client.closeCode).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1009);
    }
  }

  /**
   * RFC 6455 lets a client or an intermediary fragment a message: one within the limit is read as
   * the whole message it is.
   */
  @Test
  void aFragmentedMessageWithinTheLimitIsAnsweredAsOne() {
    try (WsClient client = connect("big-board", "heidi")) {
      client.next("CONNECTION_ACK");
      client.sendPart("{\"type\":", false);
      client.sendPart("\"PI", false);
      client.sendPart("NG\"}", true);

      assertThat(nextOfType(client, "PONG")).isNotNull();
      assertThat(client.closeCode).isNotDone();
    }
  }

  /** The frame limit holds for a whole message: fragments of 4 KB or less do not get around it. */
  @Test
  void fragmentsAddingUpToMoreThanTheLimitCloseWith1009() {
    try (WsClient client = connect("big-board", "ivan")) {
      client.next("CONNECTION_ACK");
      String part = "x".repeat(2000);
      client.sendPart("{\"type\":\"PING\",\"pad\":\"" + part, false);
      client.sendPart(part, false);
      // The server may close before this one is sent.
      client.sendPartUnlessClosed(part + "\"}", true);

      assertThat(client.closeCode).succeedsWithin(Duration.ofSeconds(10)).isEqualTo(1009);
    }
  }

  @Test
  void connectionsBeyondThePerUserLimitAreRefusedWith429() {
    try (WsClient first = connect("limit-board", "grace");
        WsClient second = connect("limit-board", "grace")) {
      first.next("CONNECTION_ACK");
      second.next("CONNECTION_ACK");
      String token = gateway.token("grace");
      assertThat(
              WsClient.refusedStatus(
                  gateway.ws("/ws?board=limit-board"),
                  b -> b.header("Authorization", "Bearer " + token)))
          .isEqualTo(429);
    }
    // Slots are given back when connections close.
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () -> {
              try (WsClient again = connect("limit-board", "grace")) {
                again.next("CONNECTION_ACK");
              }
            });
  }

  @Test
  void connectionClosesWith4001WhenTheTokenExpires() {
    String shortLived =
        gateway.auth.mint("heidi", "Heidi", List.of("player"), Duration.ofSeconds(2));
    try (WsClient client =
        WsClient.connect(
            gateway.ws("/ws?board=expiry-board"),
            b -> b.header("Authorization", "Bearer " + shortLived))) {
      client.next("CONNECTION_ACK");
      assertThat(client.closeCode).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(4001);
    }
  }

  @Test
  void newerSeasonReplacesTheOldOneWithASnapshot() {
    gateway.seed(top("season-board", "2026-11-23", 40, "ivan"));
    try (WsClient client = connect("season-board", "judy")) {
      client.next("CONNECTION_ACK");
      client.next("SNAPSHOT");
      TopNChanged nextDay = top("season-board", "2026-11-24", 1, "judy");
      gateway.publish(nextDay);
      // The client's entries are of the ended season: it starts over from the new one.
      JsonNode snapshot = client.next("SNAPSHOT");
      assertThat(snapshot.path("season").asString()).isEqualTo("2026-11-24");
      assertThat(snapshot.path("seq").asLong()).isEqualTo(1);
    }
  }

  /** The next message of {@code type}, skipping others (the subscription's SNAPSHOT or ERROR). */
  private static JsonNode nextOfType(WsClient client, String type) {
    while (true) {
      JsonNode message = client.next();
      if (message.path("type").asString().equals(type)) {
        return message;
      }
    }
  }

  private static WsClient connect(String board, String userId) {
    String token = gateway.token(userId);
    return WsClient.connect(
        gateway.ws("/ws?board=" + board), b -> b.header("Authorization", "Bearer " + token));
  }
}
