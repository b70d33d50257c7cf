package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.RankChanged;
import dev.livescoreboard.events.RanksChanged;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * RANK_CHANGED reaches the connections of the user it is about and no one else: a real gateway on
 * real Redis, with the projector's RanksChanged published on the rank-changed channel.
 */
class RankChangedPushIT {

  private static final String SEASON = "all-time";

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_PUBLIC_READ", "true"));
    gateway.awaitRankSubscription();
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void ownRankChangeReachesEveryConnectionOfTheUserOnly() {
    gateway.seed(top("own-board", SEASON, 1, "amy"));
    try (WsClient amy = connect("own-board", "amy");
        WsClient amyAgain = connect("own-board", "amy");
        WsClient bob = connect("own-board", "bob")) {
      for (WsClient client : List.of(amy, amyAgain, bob)) {
        client.next("CONNECTION_ACK");
        client.next("SNAPSHOT");
      }

      gateway.publish(ranks("own-board", change("own-board", "amy", null, 7, 40, true, null)));
      // A change of bob after amy's: had amy's reached bob, it would come first.
      gateway.publish(ranks("own-board", change("own-board", "bob", 9, 8, 35, true, null)));

      for (WsClient client : List.of(amy, amyAgain)) {
        JsonNode pushed = client.next("RANK_CHANGED");
        assertThat(pushed.path("board").asString()).isEqualTo("own-board");
        assertThat(pushed.path("season").asString()).isEqualTo(SEASON);
        assertThat(pushed.path("userId").asString()).isEqualTo("amy");
        assertThat(pushed.path("fromRank").isNull()).isTrue();
        assertThat(pushed.path("toRank").asInt()).isEqualTo(7);
        assertThat(pushed.path("score").asLong()).isEqualTo(40);
        assertThat(pushed.path("inTopN").asBoolean()).isTrue();
        assertThat(pushed.has("overtakenBy")).isFalse();
      }
      assertThat(bob.next("RANK_CHANGED").path("userId").asString()).isEqualTo("bob");
    }
  }

  @Test
  void usersPassedInsideTheTopNAreToldWhoOvertookThemAndWhenTheyLeftIt() {
    gateway.seed(top("race-board", SEASON, 1, "amy", "bob", "carl"));
    try (WsClient amy = connect("race-board", "amy");
        WsClient carl = connect("race-board", "carl")) {
      for (WsClient client : List.of(amy, carl)) {
        client.next("CONNECTION_ACK");
        client.next("SNAPSHOT");
      }

      gateway.publish(
          ranks(
              "race-board",
              change("race-board", "dave", null, 1, 50, true, null),
              change("race-board", "amy", 1, 2, 30, true, "dave"),
              change("race-board", "bob", 2, 3, 20, true, "dave"),
              change("race-board", "carl", 3, 4, 10, false, "dave")));

      JsonNode overtaken = amy.next("RANK_CHANGED");
      assertThat(overtaken.path("fromRank").asInt()).isEqualTo(1);
      assertThat(overtaken.path("toRank").asInt()).isEqualTo(2);
      assertThat(overtaken.path("inTopN").asBoolean()).isTrue();
      assertThat(overtaken.path("overtakenBy").asString()).isEqualTo("dave");
      JsonNode pushedOut = carl.next("RANK_CHANGED");
      assertThat(pushedOut.path("toRank").asInt()).isEqualTo(4);
      assertThat(pushedOut.path("inTopN").asBoolean()).isFalse();
      assertThat(pushedOut.path("overtakenBy").asString()).isEqualTo("dave");
    }
  }

  @Test
  void rankChangeOfAnotherBoardReachesTheUserToo() {
    gateway.seed(top("watched-board", SEASON, 1, "erin"));
    try (WsClient erin = connect("watched-board", "erin")) {
      erin.next("CONNECTION_ACK");
      erin.next("SNAPSHOT");

      gateway.publish(ranks("other-board", change("other-board", "erin", 4, 2, 12, true, null)));

      assertThat(erin.next("RANK_CHANGED").path("board").asString()).isEqualTo("other-board");
    }
  }

  @Test
  void anonymousConnectionsNeverReceiveOne() {
    gateway.seed(top("anon-board", SEASON, 1, "fay"));
    try (WsClient fay = connect("anon-board", "fay");
        WsClient anonymous = WsClient.connect(gateway.ws("/ws?board=anon-board"), b -> b)) {
      for (WsClient client : List.of(fay, anonymous)) {
        client.next("CONNECTION_ACK");
        client.next("SNAPSHOT");
      }

      gateway.publish(ranks("anon-board", change("anon-board", "fay", 2, 1, 99, true, null)));
      fay.next("RANK_CHANGED");
      anonymous.send("{\"type\":\"PING\"}");

      // Fay's push was handed out before the PING was even sent.
      anonymous.next("PONG");
    }
  }

  @Test
  void streamReaderGetsTheirOwnRankChangesOfTheStreamsBoardAsRankChangedEvents() {
    gateway.seed(top("sse-rank-board", SEASON, 3, "gus"));
    String token = gateway.token("gus");
    try (SseClient gus =
            SseClient.open(
                URI.create(gateway.http("/api/v1/leaderboards/sse-rank-board/stream")),
                b -> b.header("Authorization", "Bearer " + token));
        SseClient anonymous =
            SseClient.open(
                URI.create(gateway.http("/api/v1/leaderboards/sse-rank-board/stream")), b -> b)) {
      assertThat(gus.nextEvent().name()).isEqualTo("snapshot");
      assertThat(anonymous.nextEvent().name()).isEqualTo("snapshot");

      // Another board's change first: the stream is about its own board only.
      gateway.publish(ranks("elsewhere", change("elsewhere", "gus", 5, 4, 30, true, null)));
      gateway.publish(
          ranks("sse-rank-board", change("sse-rank-board", "gus", 2, 1, 60, true, null)));

      SseClient.Event pushed = gus.nextEvent();
      assertThat(pushed.name()).isEqualTo("rank-changed");
      // The event has no id: line, so the last event id (which a reconnect sends) stays the seq.
      assertThat(pushed.id()).isEqualTo("3");
      assertThat(pushed.json().path("type").asString()).isEqualTo("RANK_CHANGED");
      assertThat(pushed.json().path("board").asString()).isEqualTo("sse-rank-board");
      assertThat(pushed.json().path("toRank").asInt()).isEqualTo(1);
      // Had the anonymous stream received a push, it would come before this board update.
      gateway.publish(top("sse-rank-board", SEASON, 4, "gus"));
      assertThat(anonymous.nextEvent().name()).isEqualTo("update");
    }
  }

  private static RanksChanged ranks(String board, RankChanged... changes) {
    return new RanksChanged(board, SEASON, List.of(changes));
  }

  private static RankChanged change(
      String board,
      String userId,
      Integer from,
      int to,
      long score,
      boolean inTopN,
      String overtakenBy) {
    return new RankChanged(board, SEASON, userId, from, to, score, inTopN, overtakenBy);
  }

  private static WsClient connect(String board, String userId) {
    String token = gateway.token(userId);
    return WsClient.connect(
        gateway.ws("/ws?board=" + board), b -> b.header("Authorization", "Bearer " + token));
  }
}
