package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code text/event-stream} encoding of board messages, retry lines and comments. */
class SseFramesTest {

  @Test
  void anEventIsNameIdOneDataLineAndABlankLine() {
    assertThat(text(SseFrames.event("update", "42", "{\"a\":1}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("event: update\nid: 42\ndata: {\"a\":1}\n\n");
  }

  @Test
  void anEventWithoutAnIdHasNoIdLine() {
    assertThat(text(SseFrames.event("rank-changed", null, "{}".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("event: rank-changed\ndata: {}\n\n");
  }

  @Test
  void dataWithLineBreaksBecomesOneDataLinePerLine() {
    assertThat(text(SseFrames.event("x", "1", "a\nb\r\nc\rd".getBytes(StandardCharsets.UTF_8))))
        .isEqualTo("event: x\nid: 1\ndata: a\ndata: b\ndata: c\ndata: d\n\n");
  }

  @Test
  void fieldValuesThatWouldBreakTheFormatAreRefused() {
    assertThatThrownBy(() -> SseFrames.event("a\nb", "1", new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SseFrames.comment("a\rb"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void retryAndCommentLines() {
    assertThat(text(SseFrames.retry(2000))).isEqualTo("retry: 2000\n\n");
    assertThat(text(SseFrames.comment("keep-alive"))).isEqualTo(": keep-alive\n\n");
  }

  /**
   * A name with a line break and markup stays inside its JSON string: the data is one line that
   * parses to exactly the WebSocket message of the same state.
   */
  @Test
  void boardEventsCarryExactlyTheWebSocketJsonOnOneLine() {
    TopNChanged top =
        new TopNChanged(
            "global",
            "all-time",
            9,
            1,
            List.of(new LeaderboardEntry(1, "u1", "Evil\nevent: x\r\n<b>", 5)),
            List.of(),
            null,
            null);
    BoardState state = BoardState.of(top);

    String update = text(state.updateWire(Transport.SSE));
    String snapshot = text(state.snapshotWire(Transport.SSE));

    assertThat(update.split("\n", -1)).hasSize(5); // event, id, data, blank line, end
    assertThat(update).doesNotContain("\r");
    assertThat(update).startsWith("event: update\nid: 9\ndata: ").endsWith("\n\n");
    assertThat(snapshot).startsWith("event: snapshot\nid: 9\ndata: ");
    assertThat(data(update)).isEqualTo(Tops.json(state.updateWire(Transport.WEBSOCKET)));
    assertThat(data(snapshot)).isEqualTo(Tops.json(state.snapshotWire(Transport.WEBSOCKET)));
    assertThat(data(update).path("entries").get(0).path("displayName").asString())
        .isEqualTo("Evil\nevent: x\r\n<b>");
  }

  @Test
  void eachTransportIsEncodedOnceAndSharedDirect() {
    BoardState state = BoardState.of(top("global", "all-time", 3, "a"));
    ByteBuf first = state.updateWire(Transport.SSE);
    ByteBuf second = state.updateWire(Transport.SSE);

    assertThat(first.isDirect()).isTrue();
    // A byte changed through one duplicate shows through the other: the same memory.
    first.setByte(0, 'X');
    assertThat(second.getByte(0)).isEqualTo((byte) 'X');
    assertThat(state.updateWire(Transport.WEBSOCKET).getByte(0)).isNotEqualTo((byte) 'X');
  }

  /**
   * After a close-delimited response head, Netty's HTTP encoder passes the shared bytes through as
   * they are: no chunk framing, no copy.
   */
  @Test
  void sharedBytesPassTheHttpEncoderUnchangedAfterACloseDelimitedHead() {
    EmbeddedChannel channel = new EmbeddedChannel(new HttpResponseEncoder());
    DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
    head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream");
    head.headers().set(HttpHeaderNames.CONNECTION, "close");
    channel.writeOutbound(head);
    ((ByteBuf) channel.readOutbound()).release();
    ByteBuf event = SseFrames.event("update", "1", "{}".getBytes(StandardCharsets.UTF_8));

    channel.writeOutbound(event.duplicate());

    ByteBuf out = channel.readOutbound();
    assertThat(ByteBufUtil.getBytes(out)).isEqualTo(ByteBufUtil.getBytes(event));
    out.release();
    channel.finishAndReleaseAll();
  }

  private static JsonNode data(String event) {
    String line = event.lines().filter(l -> l.startsWith("data: ")).findFirst().orElseThrow();
    return EventJson.fromJson(line.substring("data: ".length()), JsonNode.class);
  }

  private static String text(ByteBuf wire) {
    return wire.toString(StandardCharsets.UTF_8);
  }
}
