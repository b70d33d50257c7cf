package dev.livescoreboard.system.drill;

import dev.livescoreboard.events.retry.Backoff;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A live WebSocket viewer of one board that behaves like the live page: when its connection drops
 * it reconnects with back-off and jitter (shared-events' {@link Backoff}) and resyncs from the
 * {@code SNAPSHOT} the gateway sends first. Keeps every board message it received, in order.
 */
final class Viewer implements AutoCloseable {

  /** A board message ({@code SNAPSHOT} or {@code LEADERBOARD_UPDATE}) and when it arrived. */
  record Received(Instant at, JsonNode message) {
    boolean snapshot() {
      return "SNAPSHOT".equals(message.path("type").asString());
    }

    long seq() {
      return message.path("seq").asLong();
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final URI uri;
  private final HttpClient http = HttpClient.newHttpClient();
  private final ScheduledExecutorService reconnects =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "viewer-reconnect"));
  private final Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final List<Instant> connected = new CopyOnWriteArrayList<>();
  private volatile WebSocket socket;
  private volatile boolean closed;

  private Viewer(URI uri) {
    this.uri = uri;
  }

  /** Connects to {@code /ws?board=…} of {@code gatewayUrl} with an access token. */
  static Viewer watch(String gatewayUrl, String board, String accessToken) {
    Viewer viewer =
        new Viewer(
            URI.create(
                gatewayUrl.replaceFirst("^http", "ws")
                    + "/ws?board="
                    + board
                    + "&access_token="
                    + accessToken));
    viewer.reconnects.execute(viewer::connect);
    return viewer;
  }

  /** The newest board state received (by seq within a connection; a SNAPSHOT starts over). */
  JsonNode latest() {
    return received.isEmpty() ? null : received.get(received.size() - 1).message();
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  /** Whether a connection made after {@code since} has delivered its SNAPSHOT. */
  boolean resyncedSince(Instant since) {
    return connected.stream().anyMatch(at -> at.isAfter(since))
        && received.stream().anyMatch(r -> r.snapshot() && r.at().isAfter(since));
  }

  private void connect() {
    if (closed) {
      return;
    }
    http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .buildAsync(uri, new Listener())
        .whenCompleteAsync(
            (ws, error) -> {
              if (error != null) {
                retry();
              } else {
                socket = ws;
                connected.add(Instant.now());
                backoff.reset();
              }
            },
            reconnects);
  }

  /** On the reconnect thread, which alone uses the back-off. */
  private void retry() {
    reconnects.schedule(this::connect, backoff.next().toMillis(), TimeUnit.MILLISECONDS);
  }

  private void dropped() {
    try {
      reconnects.execute(this::retry);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // Closed: no reconnect.
    }
  }

  @Override
  public void close() {
    closed = true;
    reconnects.shutdownNow();
    WebSocket ws = socket;
    if (ws != null) {
      ws.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonNode message = JSON.readTree(partial.toString());
        partial.setLength(0);
        String type = message.path("type").asString();
        if (type.equals("SNAPSHOT") || type.equals("LEADERBOARD_UPDATE")) {
          received.add(new Received(Instant.now(), message));
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      dropped();
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      dropped();
    }
  }
}
