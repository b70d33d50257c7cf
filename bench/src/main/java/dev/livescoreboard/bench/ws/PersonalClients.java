package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.CompletionMatcher;
import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.http.WallClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One authenticated WebSocket per given player, subscribed to no board: the gateway sends it only
 * that player's {@code RANK_CHANGED} pushes, so they cost the run what personal pushes cost and
 * nothing of the board's fan-out. Pushes about the player's own complete (no {@code overtakenBy})
 * are matched to its response by (user, score) in their own {@link CompletionMatcher}.
 */
public final class PersonalClients implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final int requested;
  private final CompletionMatcher matcher = new CompletionMatcher(Long.MAX_VALUE);
  private final LongAdder rankChanged = new LongAdder();
  private final LongAdder overtaken = new LongAdder();
  private final List<WebSocket> sockets = new CopyOnWriteArrayList<>();
  private volatile long fromMicros = Long.MAX_VALUE;
  private volatile long untilMicros = Long.MAX_VALUE;

  private PersonalClients(int requested) {
    this.requested = requested;
  }

  /** Connects one socket per token to {@code wsUri} ({@code ws://host:port/ws}). */
  public static PersonalClients connect(URI wsUri, List<String> tokens, Duration timeout) {
    PersonalClients clients = new PersonalClients(tokens.size());
    if (tokens.isEmpty()) {
      return clients;
    }
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).build();
    List<CompletableFuture<WebSocket>> pending =
        tokens.stream()
            .map(
                token ->
                    http.newWebSocketBuilder()
                        .buildAsync(
                            URI.create(
                                wsUri
                                    + "?access_token="
                                    + URLEncoder.encode(token, StandardCharsets.UTF_8)),
                            clients.new Listener()))
            .toList();
    for (CompletableFuture<WebSocket> socket : pending) {
      try {
        clients.sockets.add(socket.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt();
        }
        socket.cancel(true);
      }
    }
    return clients;
  }

  public int connected() {
    return sockets.size();
  }

  /** Counts pushes received in {@code [from, until]}; matches responses from {@code from}. */
  public void window(long from, long until) {
    this.untilMicros = until;
    this.fromMicros = from;
    matcher.measureFrom(from);
  }

  /** Feed of the action load: a complete answered with this user's new score. */
  public void responseReceived(String userId, long newScore, long micros) {
    if (requested > 0) {
      matcher.responseReceived(userId, newScore, micros);
    }
  }

  public PersonalResults results() {
    Histogram latency = Histograms.plain();
    latency.add(matcher.matched());
    return new PersonalResults(
        requested, sockets.size(), rankChanged.sum(), overtaken.sum(), latency);
  }

  @Override
  public void close() {
    sockets.forEach(WebSocket::abort);
  }

  void onMessage(String text, long micros) {
    JsonNode message = JSON.readTree(text);
    if (!"RANK_CHANGED".equals(message.path("type").asString())) {
      return;
    }
    if (micros < fromMicros || micros > untilMicros) {
      return;
    }
    rankChanged.increment();
    if (message.hasNonNull("overtakenBy")) {
      // Same user and score as an earlier push, so it must not be matched to that response.
      overtaken.increment();
      return;
    }
    matcher.updateReceived(
        message.path("userId").asString(), message.path("score").asLong(), micros);
  }

  /** Joins a message's fragments; one per socket, called serially by the client. */
  private final class Listener implements WebSocket.Listener {

    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        long micros = WallClock.micros();
        String message = text.toString();
        text.setLength(0);
        onMessage(message, micros);
      }
      socket.request(1);
      return null;
    }
  }
}
