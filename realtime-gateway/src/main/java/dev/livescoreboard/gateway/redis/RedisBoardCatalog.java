package dev.livescoreboard.gateway.redis;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.BoardDefinitionHash;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.gateway.registry.BoardCatalog;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.SeasonInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Reads the projector's board registry: the set {@link LeaderboardKeys#boards()}, each board's
 * definition hash, its current season and its season list. Never writes. Blocking.
 */
public final class RedisBoardCatalog implements BoardCatalog {

  private static final Logger log = LoggerFactory.getLogger(RedisBoardCatalog.class);

  private final RedisClient redis;
  private final LeaderboardKeys keys;

  public RedisBoardCatalog(RedisClient redis, LeaderboardKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  @Override
  public List<BoardInfo> all() {
    List<String> ids = new ArrayList<>(redis.smembers(keys.boards()));
    List<Response<Map<String, String>>> definitions = new ArrayList<>(ids.size());
    List<Response<String>> seasons = new ArrayList<>(ids.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (String id : ids) {
        definitions.add(pipeline.hgetAll(keys.definition(id)));
        seasons.add(pipeline.get(keys.currentSeason(id)));
      }
      pipeline.sync();
    }
    List<BoardInfo> boards = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      info(definitions.get(i).get(), seasons.get(i).get()).ifPresent(boards::add);
    }
    return boards;
  }

  @Override
  public Optional<BoardInfo> find(String board) {
    Map<String, String> definition = redis.hgetAll(keys.definition(board));
    return definition.isEmpty()
        ? Optional.empty()
        : info(definition, redis.get(keys.currentSeason(board)));
  }

  @Override
  public List<SeasonInfo> seasons(String board) {
    // Scored by Seasons.order: the reverse range is newest first.
    List<String> ids = redis.zrevrange(keys.seasons(board), 0, -1);
    if (ids.isEmpty()) {
      return List.of();
    }
    String[] fields = ids.toArray(String[]::new);
    Response<List<String>> starts;
    Response<List<String>> ends;
    try (AbstractPipeline pipeline = redis.pipelined()) {
      starts = pipeline.hmget(keys.seasonStarts(board), fields);
      ends = pipeline.hmget(keys.seasonEnds(board), fields);
      pipeline.sync();
    }
    List<SeasonInfo> seasons = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      seasons.add(new SeasonInfo(ids.get(i), starts.get().get(i), ends.get().get(i)));
    }
    return seasons;
  }

  private static Optional<BoardInfo> info(Map<String, String> fields, String currentSeason) {
    if (fields.isEmpty()) {
      // In the set, definition not written yet: the projector writes the hash first, so only a
      // board whose hash Redis lost; it comes back with the projector's next restore.
      return Optional.empty();
    }
    BoardDefined definition;
    try {
      definition = BoardDefinitionHash.parse(fields);
    } catch (IllegalArgumentException e) {
      log.warn("Ignoring a malformed board definition: {}", e.getMessage());
      return Optional.empty();
    }
    return Optional.of(
        new BoardInfo(
            definition.board(),
            definition.title(),
            definition.topN(),
            definition.resetSchedule(),
            currentSeason != null ? currentSeason : definition.currentSeason()));
  }
}
