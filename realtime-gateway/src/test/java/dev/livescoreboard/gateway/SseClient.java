package dev.livescoreboard.gateway;

import dev.livescoreboard.events.EventJson;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A real streaming HTTP client of one SSE stream (the JDK's, reading the body line by line as it
 * arrives) that parses the {@code text/event-stream} format into events, comments and retry values,
 * each queued in arrival order.
 */
final class SseClient implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** One dispatched event; {@code data} is its data lines joined with LF. */
  record Event(String name, String id, String data) implements Item {
    JsonNode json() {
      return EventJson.fromJson(data, JsonNode.class);
    }
  }

  /** Anything read from the stream, in order: an event, a comment, or a retry value. */
  sealed interface Item permits Event, Comment, Retry, Closed {}

  record Comment(String text) implements Item {}

  record Retry(long millis) implements Item {}

  /** The server ended the stream. */
  record Closed() implements Item {}

  final HttpResponse<Stream<String>> response;
  private final BlockingQueue<Item> items = new LinkedBlockingQueue<>();

  private SseClient(HttpResponse<Stream<String>> response) {
    this.response = response;
    if (response.statusCode() == 200) {
      Thread reader = new Thread(this::read, "sse-client");
      reader.setDaemon(true);
      reader.start();
    }
  }

  /** Opens {@code uri}; returns once the response head arrived, whatever its status. */
  static SseClient open(URI uri, UnaryOperator<HttpRequest.Builder> customizer) {
    HttpRequest request =
        customizer.apply(HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")).build();
    try {
      return new SseClient(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  int status() {
    return response.statusCode();
  }

  HttpHeaders headers() {
    return response.headers();
  }

  /** The whole body of a refused (non-200) request. */
  JsonNode problem() {
    return EventJson.fromJson(response.body().collect(Collectors.joining("\n")), JsonNode.class);
  }

  /** The next item of any kind. */
  Item nextItem() {
    try {
      Item item = items.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (item == null) {
        throw new AssertionError("nothing arrived within " + WAIT);
      }
      return item;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next event, skipping comments and retry values. */
  Event nextEvent() {
    while (true) {
      Item item = nextItem();
      if (item instanceof Event event) {
        return event;
      }
      if (item instanceof Closed) {
        throw new AssertionError("the stream ended");
      }
    }
  }

  /** The next comment, skipping anything else (an ended stream fails). */
  Comment nextComment() {
    while (true) {
      Item item = nextItem();
      if (item instanceof Comment comment) {
        return comment;
      }
      if (item instanceof Closed) {
        throw new AssertionError("the stream ended");
      }
    }
  }

  /** Items that arrived and are not taken yet. */
  java.util.List<Item> pending() {
    java.util.List<Item> drained = new java.util.ArrayList<>();
    items.drainTo(drained);
    return drained;
  }

  private void read() {
    String name = null;
    String id = null;
    StringBuilder data = null;
    try {
      Iterator<String> lines = response.body().iterator();
      while (lines.hasNext()) {
        String line = lines.next();
        if (line.isEmpty()) {
          if (data != null) {
            items.add(new Event(name == null ? "message" : name, id, data.toString()));
          }
          name = null;
          data = null;
        } else if (line.startsWith(":")) {
          items.add(new Comment(line.substring(1).trim()));
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1);
          if (value.startsWith(" ")) {
            value = value.substring(1);
          }
          switch (field) {
            case "event" -> name = value;
            case "id" -> id = value;
            case "retry" -> items.add(new Retry(Long.parseLong(value)));
            case "data" ->
                data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            default -> {}
          }
        }
      }
    } catch (UncheckedIOException | IllegalStateException closedByUs) {
      // close() cancelled the body.
    } finally {
      items.add(new Closed());
    }
  }

  @Override
  public void close() {
    response.body().close();
  }
}
