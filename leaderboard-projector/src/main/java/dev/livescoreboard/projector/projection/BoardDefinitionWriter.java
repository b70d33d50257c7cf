package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.BoardDefinitionHash;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.redis.LuaScript;
import dev.livescoreboard.projector.script.TopNScripts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Applies {@link BoardDefined} events to the read model: {@code lua/apply-board-definition.lua}
 * stores the definition if its {@code boardVersion} is newer (and re-publishes the top N when its
 * size changed), then the board joins the registry set {@link LeaderboardKeys#boards()} with its
 * own {@code SADD}: the set is in another cluster slot, and adding twice is harmless, so a crash
 * between the two is repaired by the redelivery. Blocking; any thread.
 */
@Component
public class BoardDefinitionWriter {

  static final String RESOURCE = "lua/apply-board-definition.lua";

  private final RedisClient redis;
  private final LeaderboardKeys keys;
  private final int defaultTopN;
  private final LuaScript script = TopNScripts.load(RESOURCE);

  public BoardDefinitionWriter(
      RedisClient redis, LeaderboardKeys keys, ProjectionSettings settings) {
    this.redis = redis;
    this.keys = keys;
    this.defaultTopN = settings.topN();
  }

  /** Applies {@code event}; throws a Jedis exception when Redis is unreachable (retry is safe). */
  public boolean apply(BoardDefined event) {
    String board = event.board();
    String season = redis.get(keys.currentSeason(board));
    List<String> scriptKeys = new ArrayList<>();
    scriptKeys.add(keys.definition(board));
    scriptKeys.add(keys.currentSeason(board));
    if (season != null) {
      scriptKeys.addAll(
          List.of(
              keys.ranking(board, season),
              keys.names(board, season),
              keys.seq(board, season),
              keys.top(board, season)));
    }
    List<String> args = new ArrayList<>();
    args.add(Long.toString(event.boardVersion()));
    args.add(Integer.toString(event.topN()));
    args.add(Integer.toString(defaultTopN));
    args.add(keys.topChangedChannel());
    args.add(board);
    args.add(season == null ? "" : season);
    args.add(event.definedAt().toString());
    for (Map.Entry<String, String> field : BoardDefinitionHash.fields(event).entrySet()) {
      args.add(field.getKey());
      args.add(field.getValue());
    }
    ApplyOutcome outcome =
        ApplyOutcome.fromReply(script.eval(redis::evalsha, redis::eval, scriptKeys, args));
    redis.sadd(keys.boards(), board);
    return outcome.applied();
  }

  /** The top-N size the projector uses for {@code board} now. Blocking. */
  public int topN(String board) {
    String topN = redis.hget(keys.definition(board), BoardDefinitionHash.TOP_N);
    return topN == null ? defaultTopN : Integer.parseInt(topN);
  }
}
