package dev.livescoreboard.gateway.board;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The {@code text/event-stream} wire format (WHATWG HTML, "Server-sent events"): events, the
 * reconnection delay and comments, each as unreleasable direct bytes that any number of channels
 * may be sent {@code duplicate()}s of. UTF-8 throughout, lines end with LF.
 */
public final class SseFrames {

  private static final byte LF = '\n';
  private static final byte CR = '\r';

  private SseFrames() {}

  /**
   * One event: {@code event: name}, {@code id: id} unless {@code id} is {@code null} (a client then
   * keeps the last id it saw), then {@code data} as one {@code data:} line per line of it (compact
   * JSON has none, but a CR or LF in it would otherwise end the field), and the blank line that
   * dispatches it.
   */
  public static ByteBuf event(String name, String id, byte[] data) {
    requireOneLine(name);
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
    field(out, "event", name);
    if (id != null) {
      requireOneLine(id);
      field(out, "id", id);
    }
    int start = 0;
    for (int i = 0; i <= data.length; i++) {
      if (i == data.length || data[i] == LF || data[i] == CR) {
        out.writeBytes(ascii("data: "));
        out.write(data, start, i - start);
        out.write(LF);
        if (i < data.length && data[i] == CR && i + 1 < data.length && data[i + 1] == LF) {
          i++;
        }
        start = i + 1;
      }
    }
    out.write(LF);
    return shared(out.toByteArray());
  }

  /** {@code retry: millis}: how long a client waits before it reconnects after a drop. */
  public static ByteBuf retry(long millis) {
    return shared(ascii("retry: " + millis + "\n\n"));
  }

  /** A comment line, which clients ignore; it keeps proxies from closing a quiet stream. */
  public static ByteBuf comment(String text) {
    requireOneLine(text);
    return shared((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void field(ByteArrayOutputStream out, String name, String value) {
    out.writeBytes((name + ": " + value + "\n").getBytes(StandardCharsets.UTF_8));
  }

  private static void requireOneLine(String value) {
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("an SSE field value is one line");
    }
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /** Direct and unreleasable, like {@link WireFrames}: written as duplicates, never freed. */
  private static ByteBuf shared(byte[] bytes) {
    ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
    direct.put(bytes).flip();
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct));
  }
}
