package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.redis.LuaScript;
import dev.livescoreboard.projector.script.TopNScripts;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Applies {@link SeasonStarted} events to the read model with {@code lua/apply-season-started.lua}
 * (one atomic, idempotent script per event; see the package docs). Blocking; any thread.
 */
@Component
public class SeasonStartWriter {

  static final String RESOURCE = "lua/apply-season-started.lua";

  private final RedisClient redis;
  private final LeaderboardKeys keys;
  private final LuaScript script = TopNScripts.load(RESOURCE);

  public SeasonStartWriter(RedisClient redis, LeaderboardKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * Applies {@code event}; true unless it was a duplicate. Throws a Jedis exception when Redis is
   * unreachable (retry is safe).
   */
  public boolean apply(SeasonStarted event) {
    return applied(event).applied();
  }

  ApplyOutcome applied(SeasonStarted event) {
    String board = event.board();
    String season = event.season();
    String previous = event.previousSeason();
    List<String> scriptKeys =
        List.of(
            keys.currentSeason(board),
            keys.currentSeasonOrder(board),
            keys.seasons(board),
            keys.seasonStarts(board),
            keys.seasonEnds(board),
            keys.seq(board, season),
            keys.top(board, season));
    List<String> args =
        List.of(
            season,
            Long.toString(Seasons.order(season)),
            previous == null ? "" : previous,
            previous == null ? "" : Long.toString(Seasons.order(previous)),
            event.startedAt().toString(),
            keys.topChangedChannel(),
            board);
    return ApplyOutcome.fromReply(script.eval(redis::evalsha, redis::eval, scriptKeys, args));
  }
}
