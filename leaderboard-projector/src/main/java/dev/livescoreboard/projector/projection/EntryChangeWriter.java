package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.redis.LuaScript;
import dev.livescoreboard.projector.script.ScriptKeys;
import dev.livescoreboard.projector.script.TopNScripts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * Applies {@link EntryChanged} events with {@code lua/apply-entry-change.lua}: idempotent by the
 * entry's version (the sequence score changes use), an active entry put back or renamed, a frozen
 * or erased one removed, and the top N published when it changed. Operators' changes are rare, so
 * each is one call of its own (no pipeline). Blocking; any thread.
 */
@Component
class EntryChangeWriter {

  static final String RESOURCE = "lua/apply-entry-change.lua";

  private final RedisClient redis;
  private final ScriptKeys keys;
  private final int defaultTopN;
  private final LuaScript script = TopNScripts.load(RESOURCE);
  private final Counter applied;
  private final Counter duplicates;

  EntryChangeWriter(
      RedisClient redis,
      LeaderboardKeys layout,
      ProjectionSettings settings,
      MeterRegistry registry) {
    this.redis = redis;
    this.keys = new ScriptKeys(layout);
    this.defaultTopN = settings.topN();
    this.applied =
        Counter.builder("scoreboard.projector.entry-changes.applied")
            .description("Entry changes (freeze, unfreeze, erase, rename) applied to Redis")
            .register(registry);
    this.duplicates =
        Counter.builder("scoreboard.projector.entry-changes.duplicates")
            .description("Entry changes skipped because Redis already held a newer user version")
            .register(registry);
  }

  /** Throws {@link InvalidScoreEventException} for an event no Redis key can hold. */
  void validate(EntryChanged event) {
    if (!BoardIds.isValidBoard(event.board()) || !BoardIds.isValidSeason(event.season())) {
      throw new InvalidScoreEventException(
          "invalid board or season: " + event.board() + " " + event.season());
    }
    if (event.userId().isBlank()) {
      throw new InvalidScoreEventException("blank userId in event " + event.eventId());
    }
  }

  /**
   * Applies {@code event}; throws a Jedis exception when Redis is unreachable (retrying is safe).
   */
  ApplyOutcome apply(EntryChanged event) {
    validate(event);
    String member;
    try {
      member = RankingCodec.member(event.reachedAt().toEpochMilli(), event.userId());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidScoreEventException("unrankable reachedAt: " + event.reachedAt(), e);
    }
    List<String> args =
        List.of(
            keys.layout().topChangedChannel(),
            event.board(),
            event.season(),
            event.userId(),
            Long.toString(event.userVersion()),
            event.ranked() ? "1" : "0",
            ScriptArguments.redisNumber(RankingCodec.sortScore(event.score())),
            member,
            event.displayName(),
            Integer.toString(defaultTopN),
            event.committedAt().toString());
    ApplyOutcome outcome =
        ApplyOutcome.fromReply(
            script.eval(
                redis::evalsha, redis::eval, keys.apply(event.board(), event.season()), args));
    (outcome.applied() ? applied : duplicates).increment();
    return outcome;
  }
}
