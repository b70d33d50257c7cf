package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.CompletionMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One fully parsing client: tells the {@link CompletionMatcher} which (user, score) pairs each
 * {@code LEADERBOARD_UPDATE} shows, so completes can be matched to the update that showed them.
 */
final class UpdateObserver implements FrameListener {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CompletionMatcher matcher;

  UpdateObserver(CompletionMatcher matcher) {
    this.matcher = matcher;
  }

  @Override
  public void onText(byte[] json, long receivedMicros) {
    JsonNode message = JSON.readTree(json);
    if (!"LEADERBOARD_UPDATE".equals(message.path("type").asString())) {
      return;
    }
    for (JsonNode entry : message.path("entries")) {
      matcher.updateReceived(
          entry.path("userId").asString(), entry.path("score").asLong(), receivedMicros);
    }
  }
}
