package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.redis.LuaScript;
import dev.livescoreboard.projector.script.ScriptKeys;
import dev.livescoreboard.projector.script.TopNScripts;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;

/**
 * Calls {@code lua/apply-score-event.lua}, which applies one event to one board and season
 * atomically (idempotency check, ranking update, top-N change detection and publish, and the
 * publish of the ranks it changed).
 *
 * <p>A batch is sent as ONE pipeline of EVALSHA calls on one connection, so Redis runs them in list
 * order and per-user order is kept. A pipeline cannot fall back to EVAL per call, so on NOSCRIPT
 * (Redis restarted or flushed its scripts) the script is loaded and the whole batch is sent again:
 * calls that did run are then duplicates, which the script skips.
 */
@Component
class ApplyScoreEventScript {

  static final String RESOURCE = "lua/apply-score-event.lua";

  private final RedisClient redis;
  private final ScriptKeys keys;
  private final int topN;
  private final LuaScript script = TopNScripts.load(RESOURCE);

  ApplyScoreEventScript(RedisClient redis, LeaderboardKeys layout, ProjectionSettings settings) {
    this.redis = redis;
    this.keys = new ScriptKeys(layout);
    this.topN = settings.topN();
  }

  /**
   * Validates {@code event} and computes its script call; throws for unprojectable events.
   *
   * @param traceId the trace of the request that caused it, or {@code null}
   */
  ScriptArguments arguments(ScoreChanged event, String traceId) {
    return ScriptArguments.of(event, traceId, keys, topN);
  }

  /** Applies one event of no trace; throws a Jedis exception when Redis is unreachable. */
  ApplyOutcome apply(ScoreChanged event) {
    return applyAll(List.of(arguments(event, null))).get(0);
  }

  /**
   * Applies the calls in order in one pipeline and returns one outcome per call; throws a Jedis
   * exception when Redis is unreachable (some calls may have run: retrying is safe).
   */
  List<ApplyOutcome> applyAll(List<ScriptArguments> calls) {
    if (calls.isEmpty()) {
      return List.of();
    }
    try {
      return pipeline(calls);
    } catch (RuntimeException e) {
      if (!LuaScript.isNoScript(e)) {
        throw e;
      }
      redis.scriptLoad(script.source());
      return pipeline(calls);
    }
  }

  /** The SHA-1 the calls use (for tests). */
  String sha1() {
    return script.sha1();
  }

  private List<ApplyOutcome> pipeline(List<ScriptArguments> calls) {
    List<Response<Object>> replies = new ArrayList<>(calls.size());
    try (AbstractPipeline pipeline = redis.pipelined()) {
      for (ScriptArguments call : calls) {
        replies.add(pipeline.evalsha(script.sha1(), call.keys(), call.args()));
      }
      pipeline.sync();
    }
    List<ApplyOutcome> outcomes = new ArrayList<>(replies.size());
    for (Response<Object> reply : replies) {
      outcomes.add(ApplyOutcome.fromReply(reply.get()));
    }
    return outcomes;
  }
}
