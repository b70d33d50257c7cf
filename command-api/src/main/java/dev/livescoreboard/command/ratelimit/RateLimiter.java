package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.redis.RedisAvailability;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Checks a rate limit in Redis, shared by all instances, or, while Redis is unreachable or slow, in
 * the {@link LocalSlidingWindow} of this instance. Never throws for a Redis problem: a limit check
 * must not turn a request into a 500. Each check answered locally increments {@code
 * scoreboard.ratelimit.fallbacks}. Thread-safe.
 */
@Component
class RateLimiter {

  private final SlidingWindow redis;
  private final LocalSlidingWindow local;
  private final RedisAvailability availability;
  private final Counter fallbacks;

  @Autowired
  RateLimiter(
      RedisSlidingWindow redis, RedisAvailability availability, Clock clock, MeterRegistry meters) {
    this(redis, new LocalSlidingWindow(clock::millis), availability, meters);
  }

  RateLimiter(
      SlidingWindow redis,
      LocalSlidingWindow local,
      RedisAvailability availability,
      MeterRegistry meters) {
    this.redis = redis;
    this.local = local;
    this.availability = availability;
    this.fallbacks =
        Counter.builder("scoreboard.ratelimit.fallbacks")
            .description("Rate-limit checks answered in-process because Redis was unavailable")
            .register(meters);
  }

  RateLimitDecision acquire(String key, int limit, Duration window) {
    if (availability.shouldTry()) {
      try {
        RateLimitDecision decision = redis.acquire(key, limit, window);
        availability.succeeded();
        return decision;
      } catch (JedisException | ClassCastException e) {
        availability.failed("rate limit", e);
      }
    }
    fallbacks.increment();
    return local.acquire(key, limit, window);
  }
}
