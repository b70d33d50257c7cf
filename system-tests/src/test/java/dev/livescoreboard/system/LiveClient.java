package dev.livescoreboard.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client of the gateway that records every message it receives. */
final class LiveClient implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<JsonNode> received = new CopyOnWriteArrayList<>();

  /** The close code the server sent. */
  final CompletableFuture<Integer> closeCode = new CompletableFuture<>();

  private final WebSocket socket;

  private LiveClient(String wsUrl) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(URI.create(wsUrl), new Recorder())
            .join();
  }

  /** Connects to {@code /ws?board=…} of the gateway with an access token. */
  static LiveClient connect(String gatewayUrl, String board, String accessToken) {
    return new LiveClient(
        gatewayUrl.replaceFirst("^http", "ws")
            + "/ws?board="
            + board
            + "&access_token="
            + accessToken);
  }

  /** Waits for the first message matching {@code condition} among all received so far. */
  JsonNode awaitMessage(String type, Predicate<JsonNode> condition, Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .until(
            () ->
                received.stream()
                    .filter(m -> type.equals(m.path("type").asString()))
                    .filter(condition)
                    .findFirst()
                    .orElse(null),
            m -> m != null);
  }

  List<JsonNode> received(String type) {
    return received.stream().filter(m -> type.equals(m.path("type").asString())).toList();
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  private final class Recorder implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        received.add(JSON.readTree(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode.complete(statusCode);
      return null;
    }
  }
}
