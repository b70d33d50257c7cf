package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.TopNChanged;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/** Everything Redis holds for one board+season, comparable with equals (seq excluded). */
record BoardState(
    List<String> ranking,
    Map<String, String> members,
    Map<String, String> versions,
    Map<String, String> names,
    List<LeaderboardEntry> top) {

  static BoardState read(RedisClient redis, LeaderboardKeys keys, String board, String season) {
    String topJson = redis.get(keys.top(board, season));
    return new BoardState(
        redis.zrangeWithScores(keys.ranking(board, season), 0, -1).stream()
            .map(t -> t.getElement() + "=" + t.getScore())
            .toList(),
        redis.hgetAll(keys.members(board, season)),
        redis.hgetAll(keys.versions(board, season)),
        redis.hgetAll(keys.names(board, season)),
        topJson == null ? List.of() : EventJson.fromJson(topJson, TopNChanged.class).entries());
  }

  static long seq(RedisClient redis, LeaderboardKeys keys, String board, String season) {
    return EventJson.fromJson(redis.get(keys.top(board, season)), TopNChanged.class).seq();
  }
}
