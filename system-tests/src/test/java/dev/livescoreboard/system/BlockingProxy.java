package dev.livescoreboard.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy between the browser and the stack that can drop WebSockets (which a browser opens
 * through a proxy with {@code CONNECT}) and the SSE stream, the way a corporate proxy or a broken
 * network does: the connection is closed without an answer. Chrome's DevTools request blocking
 * cannot do this: it leaves WebSockets alone (checked on Chromium 150). Only loopback targets are
 * forwarded, so the browser reaches nothing outside the machine.
 */
final class BlockingProxy implements AutoCloseable {

  /** What the proxy drops. */
  enum Block {
    WEBSOCKET,
    STREAM
  }

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "blocking-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private volatile Set<Block> blocked = EnumSet.noneOf(Block.class);

  private BlockingProxy(ServerSocket server) {
    this.server = server;
  }

  static BlockingProxy start() {
    try {
      ServerSocket server = new ServerSocket();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      BlockingProxy proxy = new BlockingProxy(server);
      proxy.threads.execute(proxy::accept);
      return proxy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code http://127.0.0.1:port}, for Chrome's {@code --proxy-server}. */
  String address() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  /** From now on, new connections of these kinds are dropped (open ones stay). */
  void block(Block first, Block... more) {
    blocked = EnumSet.of(first, more);
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        threads.execute(() -> serve(client));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      InputStream in = client.getInputStream();
      String head = readHead(in);
      String[] request = head.substring(0, head.indexOf("\r\n")).split(" ");
      if (request[0].equals("CONNECT")) {
        URI target = URI.create("tcp://" + request[1]);
        if (!isLoopback(target) || blocked.contains(Block.WEBSOCKET)) {
          return;
        }
        try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
          client
              .getOutputStream()
              .write(
                  "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.UTF_8));
          pipe(client, upstream);
        }
        return;
      }
      URI target = URI.create(request[1]);
      if (!isLoopback(target)
          || (blocked.contains(Block.STREAM) && target.getPath().endsWith("/stream"))) {
        return;
      }
      try (Socket upstream = new Socket(target.getHost(), target.getPort())) {
        upstream.getOutputStream().write(originForm(head, request, target));
        pipe(client, upstream);
      }
    } catch (IOException | RuntimeException e) {
      // The browser or the stack went away; the browser sees a closed connection.
    }
  }

  /** The request as the server expects it: a path, not a URL, and one request per connection. */
  private static byte[] originForm(String head, String[] request, URI target) {
    StringBuilder out = new StringBuilder();
    String path =
        target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
    out.append(request[0]).append(' ').append(path).append(' ').append(request[2]).append("\r\n");
    for (String line : head.split("\r\n")) {
      String lower = line.toLowerCase(java.util.Locale.ROOT);
      if (line.isEmpty()
          || line.startsWith(request[0] + " ")
          || lower.startsWith("proxy-connection:")
          || lower.startsWith("connection:")
          || lower.startsWith("keep-alive:")) {
        continue;
      }
      out.append(line).append("\r\n");
    }
    out.append("Connection: close\r\n\r\n");
    return out.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Copies both ways until the server is done, then closes both. */
  private void pipe(Socket client, Socket upstream) throws IOException {
    threads.execute(() -> copy(client, upstream));
    copy(upstream, client);
  }

  private static void copy(Socket from, Socket to) {
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side closed.
    } finally {
      try {
        to.close();
        from.close();
      } catch (IOException e) {
        // Already closed.
      }
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last = 0; // the last four bytes, one per octet
    while (last != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the request head ended");
      }
      head.write(b);
      last = (last << 8) | b;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  private static boolean isLoopback(URI target) {
    String host = target.getHost();
    return "127.0.0.1".equals(host) || "localhost".equals(host);
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // Already closed.
    }
    threads.shutdownNow();
  }
}
