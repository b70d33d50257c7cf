package dev.livescoreboard.gateway.websocket;

import static dev.livescoreboard.gateway.board.Tops.json;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.ChannelBoards;
import dev.livescoreboard.gateway.board.InMemoryLeaderboardStore;
import dev.livescoreboard.gateway.board.TestFeeds;
import dev.livescoreboard.gateway.registry.TestBoards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ClientMessageHandlerTest {

  private static final int MAX_SUBSCRIPTIONS = 2;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 7, "alice", "bob"));
  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(Runnable::run), registry);
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new ClientMessageHandler(
              new Subscriptions(
                  feed,
                  TestBoards.of("global", "weekly", "one", "two", "three"),
                  MAX_SUBSCRIPTIONS)));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void pingIsAnsweredWithPong() {
    JsonNode reply = send("{\"type\":\"PING\"}");
    assertThat(reply.path("type").asString()).isEqualTo("PONG");
  }

  @Test
  void malformedJsonGetsAnErrorAndTheConnectionStaysOpen() {
    JsonNode reply = send("{not json");
    assertThat(reply.path("type").asString()).isEqualTo("ERROR");
    assertThat(reply.path("code").asString()).isEqualTo("MALFORMED_MESSAGE");
    assertThat(channel.isActive()).isTrue();
    assertThat(send("{\"type\":\"PING\"}").path("type").asString()).isEqualTo("PONG");
  }

  @Test
  void jsonThatIsNotAnObjectWithATypeGetsAnError() {
    assertThat(send("[1,2]").path("code").asString()).isEqualTo("MALFORMED_MESSAGE");
    assertThat(send("{\"type\":42}").path("code").asString()).isEqualTo("MALFORMED_MESSAGE");
  }

  @Test
  void unknownTypeGetsAnError() {
    assertThat(send("{\"type\":\"DELETE_ALL\"}").path("code").asString())
        .isEqualTo("UNKNOWN_MESSAGE_TYPE");
  }

  @Test
  void invalidBoardIdGetsAnError() {
    for (String board : new String[] {"\"Global\"", "\"<script>\"", "\"\"", "7", "null"}) {
      JsonNode reply = send("{\"type\":\"SUBSCRIBE\",\"board\":" + board + "}");
      assertThat(reply.path("code").asString()).as(board).isEqualTo("INVALID_BOARD");
    }
    assertThat(send("{\"type\":\"SUBSCRIBE\"}").path("code").asString()).isEqualTo("INVALID_BOARD");
    assertThat(ChannelBoards.of(channel).count()).isZero();
  }

  @Test
  void subscribeSendsTheSnapshotAndJoinsTheBoardGroup() {
    JsonNode snapshot = send("{\"type\":\"SUBSCRIBE\",\"board\":\"global\"}");
    assertThat(snapshot.path("type").asString()).isEqualTo("SNAPSHOT");
    assertThat(snapshot.path("board").asString()).isEqualTo("global");
    assertThat(snapshot.path("seq").asLong()).isEqualTo(7);
    assertThat(snapshot.path("entries").get(0).path("userId").asString()).isEqualTo("alice");

    feed.onTopChanged(top("global", "all-time", 8, "bob", "alice"));

    JsonNode update = json(channel.readOutbound());
    assertThat(update.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
    assertThat(update.path("seq").asLong()).isEqualTo(8);
    assertThat(ChannelBoards.of(channel).isSubscribed("global")).isTrue();
  }

  @Test
  void subscribingToABoardWithoutDataSendsAnEmptySnapshot() {
    JsonNode snapshot = send("{\"type\":\"SUBSCRIBE\",\"board\":\"weekly\"}");
    assertThat(snapshot.path("season").asString()).isEqualTo("all-time");
    assertThat(snapshot.path("seq").asLong()).isZero();
    assertThat(snapshot.path("entries").isEmpty()).isTrue();
  }

  @Test
  void subscribingToABoardNobodyDefinedIsAnError() {
    JsonNode reply = send("{\"type\":\"SUBSCRIBE\",\"board\":\"undefined-board\"}");

    assertThat(reply.path("type").asString()).isEqualTo("ERROR");
    assertThat(reply.path("code").asString()).isEqualTo("BOARD_NOT_FOUND");
    assertThat(ChannelBoards.of(channel).subscribed()).isEmpty();
  }

  @Test
  void unsubscribeStopsUpdates() {
    send("{\"type\":\"SUBSCRIBE\",\"board\":\"global\"}");
    channel.writeInbound(new TextWebSocketFrame("{\"type\":\"UNSUBSCRIBE\",\"board\":\"global\"}"));

    feed.onTopChanged(top("global", "all-time", 8, "bob"));

    assertThat((Object) channel.readOutbound()).isNull();
  }

  @Test
  void subscriptionsBeyondTheLimitAreRefused() {
    send("{\"type\":\"SUBSCRIBE\",\"board\":\"one\"}");
    send("{\"type\":\"SUBSCRIBE\",\"board\":\"two\"}");
    JsonNode reply = send("{\"type\":\"SUBSCRIBE\",\"board\":\"three\"}");
    assertThat(reply.path("code").asString()).isEqualTo("SUBSCRIPTION_LIMIT");
    assertThat(ChannelBoards.of(channel).subscribed()).containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void binaryFramesGetAnError() {
    channel.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2})));
    assertThat(json(channel.readOutbound()).path("code").asString()).isEqualTo("UNSUPPORTED_FRAME");
  }

  @Test
  void unreachableStoreGetsAnErrorButKeepsTheSubscription() {
    store.reachable(false);
    JsonNode reply = send("{\"type\":\"SUBSCRIBE\",\"board\":\"global\"}");
    assertThat(reply.path("code").asString()).isEqualTo("UNAVAILABLE");
    assertThat(ChannelBoards.of(channel).isSubscribed("global")).isTrue();
  }

  private JsonNode send(String text) {
    channel.writeInbound(new TextWebSocketFrame(text));
    Object reply = channel.readOutbound();
    assertThat(reply).as("reply to " + text).isNotNull();
    return json(reply);
  }
}
