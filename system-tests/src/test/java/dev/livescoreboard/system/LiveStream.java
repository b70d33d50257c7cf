package dev.livescoreboard.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Server-Sent Events reader of the gateway's {@code /stream}, as a browser's EventSource
 * reads it: records every event with its name and JSON data.
 */
final class LiveStream implements AutoCloseable {

  /** One event: its {@code event:} name and its {@code data:} as JSON. */
  record Event(String name, JsonNode data) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final List<Event> received = new CopyOnWriteArrayList<>();
  private final CompletableFuture<HttpResponse<Stream<String>>> response;

  private LiveStream(URI uri, String accessToken) {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .header("Accept", "text/event-stream")
            .header("Authorization", "Bearer " + accessToken)
            .build();
    this.response =
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines());
    response.thenAcceptAsync(r -> read(r.body()));
  }

  /** Opens {@code /api/v1/leaderboards/{board}/stream} with an access token. */
  static LiveStream open(String gatewayUrl, String board, String accessToken) {
    return new LiveStream(
        URI.create(gatewayUrl + "/api/v1/leaderboards/" + board + "/stream"), accessToken);
  }

  /** Waits for the first event named {@code name} matching {@code condition}. */
  JsonNode awaitEvent(String name, Predicate<JsonNode> condition, Duration atMost) {
    return Awaitility.await()
        .atMost(atMost)
        .until(
            () ->
                received.stream()
                    .filter(e -> e.name().equals(name))
                    .map(Event::data)
                    .filter(condition)
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }

  private void read(Stream<String> lines) {
    String[] name = {null};
    StringBuilder data = new StringBuilder();
    lines.forEach(
        line -> {
          if (line.isEmpty()) {
            if (!data.isEmpty()) {
              received.add(
                  new Event(name[0] == null ? "message" : name[0], JSON.readTree(data.toString())));
            }
            name[0] = null;
            data.setLength(0);
          } else if (line.startsWith("event:")) {
            name[0] = line.substring("event:".length()).trim();
          } else if (line.startsWith("data:")) {
            data.append(line.substring("data:".length()).trim());
          }
        });
  }

  @Override
  public void close() {
    response.thenAccept(r -> r.body().close());
    response.cancel(true);
  }
}
