package dev.livescoreboard.gateway.board;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameEncoder;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Complete WebSocket text frames, header and payload, encoded once by Netty's own server encoder.
 * Valid for every connection of this gateway because its frames are all alike: server frames are
 * never masked and no extension (compression) is ever negotiated. Such a buffer, written to a
 * channel, passes the channel's frame encoder untouched (it only encodes {@code WebSocketFrame}s).
 */
final class WireFrames {

  private WireFrames() {}

  /**
   * The bytes of one unmasked text frame carrying {@code json}: direct memory, so sockets send it
   * without a per-channel copy to direct memory, and unreleasable, so writing {@code duplicate()}s
   * of it to any number of channels never frees it.
   */
  static ByteBuf textFrame(byte[] json) {
    EmbeddedChannel encoder = new EmbeddedChannel(new WebSocket13FrameEncoder(false));
    List<ByteBuf> parts = new ArrayList<>(2);
    try {
      encoder.writeOutbound(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
      // A large payload comes out as a header buffer followed by the payload itself.
      for (ByteBuf part; (part = encoder.readOutbound()) != null; ) {
        parts.add(part);
      }
      int size = parts.stream().mapToInt(ByteBuf::readableBytes).sum();
      ByteBuffer frame = ByteBuffer.allocateDirect(size);
      for (ByteBuf part : parts) {
        frame.put(part.nioBuffer());
      }
      frame.flip();
      return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(frame));
    } finally {
      parts.forEach(ByteBuf::release);
      encoder.finishAndReleaseAll();
    }
  }
}
