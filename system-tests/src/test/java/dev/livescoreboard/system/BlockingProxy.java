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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * An HTTP proxy between the browser and the stack that can drop WebSockets (which a browser opens
 * through a proxy with {@code CONNECT}), the SSE stream and the polls of a board, the way a
 * corporate proxy or a broken network does (the connection is closed without an answer), or answer
 * them {@code 503} with {@code Retry-After}, the way a busy gateway does. Chrome's DevTools request
 * blocking cannot do this: it leaves WebSockets alone (checked on Chromium 150). Only loopback
 * targets are forwarded, so the browser reaches nothing outside the machine. The proxy notes when
 * each request of a {@link Route} arrives.
 */
final class BlockingProxy implements AutoCloseable {

  /** The kinds of request the proxy can tell apart. */
  enum Route {
    /** The live WebSocket ({@code CONNECT}, the proxy sees no path). */
    WEBSOCKET,
    /** {@code GET /api/v1/leaderboards/{board}/stream}. */
    STREAM,
    /** {@code GET /api/v1/leaderboards/{board}}: a poll of the board. */
    POLL
  }

  /** What the proxy does with a request of a route. */
  private sealed interface Answer {}

  private record Drop() implements Answer {}

  private record Busy(int retryAfterSeconds) implements Answer {}

  private static final Pattern POLL_PATH = Pattern.compile("/api/v1/leaderboards/[^/]+");

  private final ServerSocket server;
  private final ExecutorService threads =
      Executors.newCachedThreadPool(
          r -> {
            Thread thread = new Thread(r, "blocking-proxy");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<Route, Answer> answers = new ConcurrentHashMap<>();
  private final Map<Route, List<Long>> arrivals = new EnumMap<>(Route.class);

  private BlockingProxy(ServerSocket server) {
    this.server = server;
    for (Route route : Route.values()) {
      arrivals.put(route, new CopyOnWriteArrayList<>());
    }
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

  /** From now on, new requests of these routes are dropped unanswered (open ones stay). */
  void drop(Route... routes) {
    for (Route route : routes) {
      answers.put(route, new Drop());
    }
  }

  /** From now on, new requests of these routes are answered {@code 503} with Retry-After. */
  void busy(int retryAfterSeconds, Route... routes) {
    for (Route route : routes) {
      answers.put(route, new Busy(retryAfterSeconds));
    }
  }

  /** From now on, new requests of these routes are forwarded again. */
  void pass(Route... routes) {
    for (Route route : routes) {
      answers.remove(route);
    }
  }

  /** When each request of {@code route} arrived so far, in {@link System#nanoTime()}. */
  List<Long> arrivals(Route route) {
    return List.copyOf(arrivals.get(route));
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
        Optional<Answer> answer = arrived(Route.WEBSOCKET);
        if (!isLoopback(target) || answer.isPresent()) {
          return; // a busy answer is as unreadable to a page as none: the WebSocket fails
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
      Optional<Answer> answer = routeOf(request[0], target).flatMap(this::arrived);
      if (!isLoopback(target) || answer.orElse(null) instanceof Drop) {
        return;
      }
      if (answer.orElse(null) instanceof Busy busy) {
        client.getOutputStream().write(busy(busy.retryAfterSeconds()));
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

  private static Optional<Route> routeOf(String method, URI target) {
    if (!method.equals("GET")) {
      return Optional.empty();
    }
    if (target.getPath().endsWith("/stream")) {
      return Optional.of(Route.STREAM);
    }
    return POLL_PATH.matcher(target.getPath()).matches()
        ? Optional.of(Route.POLL)
        : Optional.empty();
  }

  /** Notes the arrival of a request of {@code route}; what to do with it, if not forward it. */
  private Optional<Answer> arrived(Route route) {
    arrivals.get(route).add(System.nanoTime());
    return Optional.ofNullable(answers.get(route));
  }

  /** A gateway's answer when it sheds load: 503 UNAVAILABLE with Retry-After. */
  private static byte[] busy(int retryAfterSeconds) {
    String body = "{\"status\":503,\"code\":\"UNAVAILABLE\",\"title\":\"busy\"}";
    return ("HTTP/1.1 503 Service Unavailable\r\n"
            + "Content-Type: application/problem+json\r\n"
            + "Retry-After: "
            + retryAfterSeconds
            + "\r\n"
            + "Content-Length: "
            + body.length()
            + "\r\nConnection: close\r\n\r\n"
            + body)
        .getBytes(StandardCharsets.UTF_8);
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
