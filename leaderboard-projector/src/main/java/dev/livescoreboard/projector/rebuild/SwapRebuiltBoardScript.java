package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.redis.LuaScript;
import dev.livescoreboard.projector.script.ScriptKeys;
import dev.livescoreboard.projector.script.TopNScripts;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.ToIntFunction;
import redis.clients.jedis.RedisClient;

/**
 * Calls {@code lua/swap-rebuilt-board.lua}: rebuilt keys into place, top N stored and published.
 */
final class SwapRebuiltBoardScript {

  static final String RESOURCE = "lua/swap-rebuilt-board.lua";

  /**
   * What the swap did.
   *
   * @param swapped false when the rebuild's marker was gone (Redis flushed meanwhile)
   * @param seq the seq of the published top-N state
   * @param carriedOver users whose newer live entry (applied during the rebuild) was kept
   */
  record Outcome(boolean swapped, long seq, long carriedOver) {}

  private final RedisClient redis;
  private final ScriptKeys keys;
  private final ToIntFunction<String> topN;
  private final LuaScript script = TopNScripts.load(RESOURCE);

  /**
   * @param topN the top-N size of a board now (its definition's, or the default)
   */
  SwapRebuiltBoardScript(RedisClient redis, LeaderboardKeys layout, ToIntFunction<String> topN) {
    this.redis = redis;
    this.keys = new ScriptKeys(layout);
    this.topN = topN;
  }

  Outcome swap(BoardSeason board, String token, Instant sourceCommittedAt, Instant builtAt) {
    String b = board.board();
    String s = board.season();
    List<String> args =
        List.of(
            keys.layout().topChangedChannel(),
            b,
            s,
            Integer.toString(topN.applyAsInt(b)),
            token,
            sourceCommittedAt.toString(),
            builtAt.toString(),
            Long.toString(Seasons.order(s)));
    Object reply = script.eval(redis::evalsha, redis::eval, keys.swap(b, s), args);
    if (!(reply instanceof List<?> values) || values.size() != 3) {
      throw new IllegalStateException("unexpected reply of " + RESOURCE + ": " + reply);
    }
    String status = text(values.get(0));
    return new Outcome(
        "swapped".equals(status),
        ((Number) values.get(1)).longValue(),
        ((Number) values.get(2)).longValue());
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, StandardCharsets.UTF_8)
        : String.valueOf(value);
  }
}
