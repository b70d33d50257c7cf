package dev.livescoreboard.bench.sse;

import java.util.Optional;

/**
 * Turns the lines of one {@code text/event-stream} into events (the WHATWG rules the bench needs:
 * {@code event}, {@code id}, multi-line {@code data}, comments and {@code retry} ignored, a blank
 * line dispatches). One per stream; not thread-safe.
 */
final class SseLineParser {

  private String event;
  private String id;
  private StringBuilder data;

  /** Feeds one line without its terminator; returns the event a blank line completes. */
  Optional<SseEvent> line(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.startsWith(":")) {
      return Optional.empty();
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> event = value;
      case "id" -> id = value;
      case "data" -> {
        if (data == null) {
          data = new StringBuilder(value);
        } else {
          data.append('\n').append(value);
        }
      }
      default -> {}
    }
    return Optional.empty();
  }

  private Optional<SseEvent> dispatch() {
    // An event without data is not dispatched (the spec's rule); its fields are dropped too.
    Optional<SseEvent> done =
        data == null
            ? Optional.empty()
            : Optional.of(new SseEvent(event == null ? "message" : event, id, data.toString()));
    event = null;
    id = null;
    data = null;
    return done;
  }
}
