package dev.livescoreboard.bench.ceiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FanOutServerTest {

  /** Each of the three length encodings: 7 bits, 16 bits, 64 bits. */
  @ParameterizedTest
  @ValueSource(ints = {0, 125, 126, 900, 65_535, 65_536, 100_000})
  void aFrameIsWhatNettysServerEncoderWritesForTheSameText(int length) {
    byte[] payload = new byte[length];
    Arrays.fill(payload, (byte) 'x');

    ByteBuf frame = FanOutServer.textFrame(payload);

    assertThat(ByteBufUtil.getBytes(frame)).isEqualTo(encodedByNetty(payload));
    assertThat(frame.isDirect()).isTrue();
  }

  private static byte[] encodedByNetty(byte[] payload) {
    EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
    channel.writeOutbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(payload)));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (ByteBuf part; (part = channel.readOutbound()) != null; ) {
      bytes.writeBytes(ByteBufUtil.getBytes(part));
      part.release();
    }
    channel.finishAndReleaseAll();
    return bytes.toByteArray();
  }
}
