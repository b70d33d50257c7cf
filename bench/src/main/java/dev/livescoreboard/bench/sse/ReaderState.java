package dev.livescoreboard.bench.sse;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import tools.jackson.databind.JsonNode;

/**
 * One reader's view of the board: the last score it saw per user, so each (user, score) pair is
 * reported once, by the first update showing it, although later updates list it again. The map
 * holds only users that were ever in the top N. Used by one stream's thread at a time.
 */
final class ReaderState {

  private final Map<String, Long> lastScore = new HashMap<>();

  /** Remembers a snapshot's entries without reporting them: they are not news to this reader. */
  void snapshot(JsonNode message) {
    for (JsonNode entry : message.path("entries")) {
      lastScore.put(entry.path("userId").asString(), entry.path("score").asLong());
    }
  }

  /** Reports the entries of an update whose score this reader has not seen for that user. */
  void update(JsonNode message, BiConsumer<String, Long> firstSeen) {
    for (JsonNode entry : message.path("entries")) {
      String user = entry.path("userId").asString();
      long score = entry.path("score").asLong();
      Long before = lastScore.put(user, score);
      if (before == null || before != score) {
        firstSeen.accept(user, score);
      }
    }
  }
}
