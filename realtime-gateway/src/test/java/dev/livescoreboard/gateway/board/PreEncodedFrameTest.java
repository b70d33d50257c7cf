package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.http.NettyLeaks;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The frames encoded once per board state carry the state's messages, are exactly what Netty would
 * encode per channel for the same text, and pass a channel's frame encoder unchanged.
 */
class PreEncodedFrameTest {

  private final NettyLeaks leaks = new NettyLeaks();

  @AfterEach
  void noLeaks() {
    assertThat(leaks.reported()).as("buffers leaked").isEmpty();
    leaks.close();
  }

  /** 1 entry: a short frame; 30: over 1 KB (encoded as header and payload); 2,000: over 64 KB. */
  @ParameterizedTest
  @ValueSource(ints = {1, 30, 2_000})
  void preEncodedFramesCarryTheStatesMessages(int entries) {
    BoardState state = BoardState.of(top("global", "all-time", 7, users(entries)));

    JsonNode update = Tops.json(state.updateWire(Transport.WEBSOCKET));
    assertThat(update.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
    assertThat(update.path("seq").asLong()).isEqualTo(7);
    assertThat(update.path("entries")).hasSize(entries);
    assertThat(update.path("changes")).hasSize(entries);
    JsonNode snapshot = Tops.json(state.snapshotWire(Transport.WEBSOCKET));
    assertThat(snapshot.path("type").asString()).isEqualTo("SNAPSHOT");
    assertThat(snapshot.path("entries")).isEqualTo(update.path("entries"));
  }

  @Test
  void theUpdateCarriesWhenItWasFirstSentTheSameForEveryTransport() {
    BoardState state = BoardState.of(top("global", "all-time", 7, "a"));
    Instant before = Instant.now();

    JsonNode first = Tops.json(state.updateWire(Transport.WEBSOCKET));
    Instant after = Instant.now();
    JsonNode again = Tops.json(state.updateWire(Transport.WEBSOCKET));
    String sse = state.updateWire(Transport.SSE).toString(StandardCharsets.UTF_8);

    Instant sentAt = Instant.parse(first.path("sentAt").asString());
    assertThat(sentAt).isBetween(before, after);
    assertThat(again).isEqualTo(first);
    assertThat(sse).contains("\"sentAt\":\"" + sentAt + "\"");
    assertThat(Tops.json(state.snapshotWire(Transport.WEBSOCKET)).has("sentAt")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 30, 2_000})
  void preEncodedBytesAreWhatTheChannelEncoderWritesForTheSameTextFrame(int entries) {
    BoardState state = BoardState.of(top("global", "all-time", 7, users(entries)));
    String payload = Tops.text(state.updateWire(Transport.WEBSOCKET));

    byte[] perChannel = encodedByChannel(new TextWebSocketFrame(payload));

    assertThat(ByteBufUtil.getBytes(state.updateWire(Transport.WEBSOCKET))).isEqualTo(perChannel);
  }

  @Test
  void rawFrameBytesPassTheFrameEncoderUntouched() {
    BoardState state = BoardState.of(top("global", "all-time", 7, "a", "b"));
    ByteBuf wire = state.updateWire(Transport.WEBSOCKET);
    EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));

    channel.writeOutbound(wire);

    Object written = channel.readOutbound();
    assertThat(written).isSameAs(wire);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(Tops.json(written).path("seq").asLong()).isEqualTo(7);
    assertThat(channel.finishAndReleaseAll()).isFalse();
  }

  @Test
  void framesLiveInDirectMemorySoSocketsWriteThemWithoutACopy() {
    BoardState state = BoardState.of(top("global", "all-time", 7, "a"));

    assertThat(state.updateWire(Transport.WEBSOCKET).isDirect()).isTrue();
    assertThat(state.snapshotWire(Transport.WEBSOCKET).isDirect()).isTrue();
  }

  private static String[] users(int count) {
    return IntStream.range(0, count).mapToObj(i -> "user-" + i).toArray(String[]::new);
  }

  /** The bytes a channel with Netty's server frame encoder sends for {@code frame}. */
  private static byte[] encodedByChannel(Object frame) {
    EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    channel.writeOutbound(frame);
    for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
      bytes.writeBytes(ByteBufUtil.getBytes(part));
      part.release();
    }
    channel.finishAndReleaseAll();
    return bytes.toByteArray();
  }
}
