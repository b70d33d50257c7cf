package dev.livescoreboard.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.FullHttpResponse;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.Map;

/**
 * A complete HTTP/1.1 response as the bytes on the wire (status line, headers, body), encoded once
 * and then written as is by every request that gets it.
 *
 * <p>The bytes live in a JDK direct buffer, so a socket write needs no copy out of the heap. They
 * are never released by hand: any loop may still be writing a view while the board moves on, so the
 * buffer is unreleasable, each write sends a {@link #duplicate()} view, and the garbage collector
 * frees the memory with its owner (a JDK direct buffer has a cleaner, unlike Netty's pooled ones).
 * At most one per board state and limit is made, when a GET first asks for it.
 */
final class EncodedResponse {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] COLON_SPACE = {':', ' '};

  private final ByteBuf bytes;

  private EncodedResponse(ByteBuf bytes) {
    this.bytes = Unpooled.unreleasableBuffer(bytes);
  }

  /** Encodes {@code response} (status, headers, content) and releases it. */
  static EncodedResponse of(FullHttpResponse response) {
    try {
      ByteBuf out = Unpooled.buffer(256 + response.content().readableBytes());
      ByteBufUtil.writeAscii(out, response.protocolVersion().text());
      out.writeByte(' ');
      ByteBufUtil.writeAscii(out, response.status().codeAsText());
      out.writeByte(' ');
      ByteBufUtil.writeAscii(out, response.status().reasonPhrase());
      out.writeBytes(CRLF);
      Iterator<Map.Entry<CharSequence, CharSequence>> headers =
          response.headers().iteratorCharSequence();
      while (headers.hasNext()) {
        Map.Entry<CharSequence, CharSequence> header = headers.next();
        ByteBufUtil.writeAscii(out, header.getKey());
        out.writeBytes(COLON_SPACE);
        ByteBufUtil.writeAscii(out, header.getValue());
        out.writeBytes(CRLF);
      }
      out.writeBytes(CRLF);
      out.writeBytes(
          response.content(), response.content().readerIndex(), response.content().readableBytes());
      ByteBuffer direct = ByteBuffer.allocateDirect(out.readableBytes());
      out.readBytes(direct);
      return new EncodedResponse(Unpooled.wrappedBuffer(direct.flip()));
    } finally {
      response.release();
    }
  }

  /** A view of the bytes for one write (its own indexes, nothing to release). */
  ByteBuf duplicate() {
    return bytes.duplicate();
  }

  /** The size on the wire. */
  int size() {
    return bytes.readableBytes();
  }
}
