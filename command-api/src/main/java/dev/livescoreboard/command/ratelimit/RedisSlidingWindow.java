package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.redis.RedisSettings;
import dev.livescoreboard.events.redis.LuaScript;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * The shared sliding window: {@code lua/sliding-window-rate-limit.lua}, one atomic call per check
 * (EVALSHA, EVAL on NOSCRIPT after a Redis restart). Keys are {@code <prefix>rl:<key>}. Throws a
 * Jedis exception when Redis is unreachable or slow; {@link RateLimiter} falls back then.
 */
@Component
class RedisSlidingWindow implements SlidingWindow {

  static final String RESOURCE = "lua/sliding-window-rate-limit.lua";

  private final RedisClient redis;
  private final RedisSettings settings;
  private final LuaScript script = LuaScript.fromClasspath(RESOURCE);
  // Members must be unique per request even within one millisecond and across instances.
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();

  RedisSlidingWindow(RedisClient redis, RedisSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  @Override
  public RateLimitDecision acquire(String key, int limit, Duration window) {
    List<String> keys = List.of(settings.key("rl:" + key));
    List<String> args =
        List.of(
            Integer.toString(limit),
            Long.toString(window.toMillis()),
            instance + ":" + sequence.incrementAndGet());
    List<?> values = (List<?>) script.eval(redis::evalsha, redis::eval, keys, args);
    return new RateLimitDecision(
        ((Long) values.get(0)) == 1L,
        limit,
        ((Long) values.get(1)).intValue(),
        (Long) values.get(2));
  }
}
