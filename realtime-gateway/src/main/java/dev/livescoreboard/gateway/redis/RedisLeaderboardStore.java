package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.Tuple;

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
  public List<LeaderboardEntry> ranking(String board, String season, int limit) {
    List<Tuple> rows = redis.zrangeWithScores(keys.ranking(board, season), 0, limit - 1L);
    if (rows.isEmpty()) {
      return List.of();
    }
    String[] userIds =
        rows.stream().map(row -> RankingCodec.userId(row.getElement())).toArray(String[]::new);
    List<String> names = redis.hmget(keys.names(board, season), userIds);
    List<LeaderboardEntry> entries = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String name = names.get(i) != null ? names.get(i) : userIds[i];
      entries.add(
          new LeaderboardEntry(
              i + 1, userIds[i], name, RankingCodec.score(rows.get(i).getScore())));
    }
    return entries;
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
