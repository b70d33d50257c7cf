package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/** Reads the projector's keys (see {@link LeaderboardKeys}); never writes. Blocking. */
public final class RedisLeaderboardStore implements LeaderboardStore {

  private final RedisClient redis;
  private final LeaderboardKeys keys;

  public RedisLeaderboardStore(RedisClient redis, LeaderboardKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public Optional<String> currentSeason(String board) {
    return Optional.ofNullable(redis.get(keys.currentSeason(board)));
  }

  @Override
  public Optional<TopNChanged> top(String board, String season) {
    String json = redis.get(keys.top(board, season));
    return json == null
        ? Optional.empty()
        : Optional.of(EventJson.fromJson(json, TopNChanged.class));
  }

  @Override
  public boolean isReachable() {
    try {
      return "PONG".equalsIgnoreCase(redis.ping());
    } catch (JedisException e) {
      return false;
    }
  }
}
