package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.HttpClientPool;
import dev.livescoreboard.bench.http.HttpReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The paths of the player read routes for the rank and around loads: one per user on the board, so
 * the load walks the ranking instead of asking for one cached user.
 */
final class RankPaths {

  /** The most entries one page of the board list answers (SPEC §5). */
  private static final int PAGE = 100;

  /** Users within this many places of another get the same around window; 5 is the default. */
  static final int AROUND_RADIUS = 5;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private RankPaths() {}

  /** Up to {@value #PAGE} user ids from the top of {@code board}'s current season. */
  static List<String> rankedUsers(HttpClientPool gateway, String board, Duration timeout)
      throws Exception {
    HttpReply reply =
        gateway
            .get("/api/v1/leaderboards/" + board + "?limit=" + PAGE)
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (reply.status() != 200) {
      throw new IllegalStateException("board list answered " + reply.status());
    }
    List<String> users = new ArrayList<>();
    for (JsonNode entry : JSON.readTree(reply.body()).path("entries")) {
      users.add(entry.path("userId").asString());
    }
    if (users.isEmpty()) {
      throw new IllegalStateException("nobody is on board " + board + " after the run");
    }
    return users;
  }

  static List<String> user(String board, List<String> users) {
    return users.stream().map(u -> "/api/v1/leaderboards/" + board + "/users/" + u).toList();
  }

  static List<String> around(String board, List<String> users) {
    return users.stream()
        .map(u -> "/api/v1/leaderboards/" + board + "/around/" + u + "?radius=" + AROUND_RADIUS)
        .toList();
  }
}
