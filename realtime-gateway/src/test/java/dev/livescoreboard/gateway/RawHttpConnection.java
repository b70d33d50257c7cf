package dev.livescoreboard.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection over a plain socket, so a test controls exactly what goes over it:
 * several requests in one write (pipelining) and many requests on one kept-alive connection.
 */
final class RawHttpConnection implements AutoCloseable {

  /** A response; header names in lower case. */
  record Response(int status, Map<String, String> headers, String body) {}

  private final Socket socket;
  private final InputStream in;

  RawHttpConnection(int port) {
    try {
      socket = new Socket("127.0.0.1", port);
      socket.setSoTimeout(10_000);
      in = new BufferedInputStream(socket.getInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code GET} with optional extra header lines (each ending in CRLF). */
  static String get(String path, String... headerLines) {
    return "GET " + path + " HTTP/1.1\r\nHost: gateway\r\n" + String.join("", headerLines) + "\r\n";
  }

  void send(String requests) {
    send(requests.getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends raw bytes, e.g. a header value with bytes outside ASCII. */
  void send(byte[] bytes) {
    try {
      socket.getOutputStream().write(bytes);
      socket.getOutputStream().flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the server closed the connection: the next read finds the end of the stream. */
  boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (IOException reset) {
      return true;
    }
  }

  /** The next response; {@code toHead} says it answers a HEAD (its length has no body). */
  Response read(boolean toHead) {
    Response head = readHead();
    try {
      int length = Integer.parseInt(head.headers().getOrDefault("content-length", "0"));
      byte[] body = toHead ? new byte[0] : in.readNBytes(length);
      return new Response(head.status(), head.headers(), new String(body, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status line and headers of the next response, leaving its body unread (a stream's). */
  Response readHead() {
    try {
      String statusLine = line();
      int status = Integer.parseInt(statusLine.split(" ")[1]);
      Map<String, String> headers = new TreeMap<>();
      for (String line = line(); !line.isEmpty(); line = line()) {
        int colon = line.indexOf(':');
        headers.put(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim());
      }
      return new Response(status, headers, "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines read up to and including the first that starts with {@code prefix}. */
  List<String> readUntil(String prefix) {
    try {
      List<String> lines = new ArrayList<>();
      String line;
      do {
        line = line();
        lines.add(line);
      } while (!line.startsWith(prefix));
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Response read() {
    return read(false);
  }

  private String line() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("connection closed");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
