package dev.livescoreboard.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.redis.RedisAvailability;
import dev.livescoreboard.command.redis.RedisSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RateLimiterTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final RedisAvailability availability =
      new RedisAvailability(
          new RedisSettings(
              "redis://127.0.0.1:1", "", Duration.ofMillis(50), Duration.ofSeconds(5)),
          clock);
  private final AtomicInteger redisCalls = new AtomicInteger();

  @Test
  void aFailingRedisFallsBackToTheSameLimitInProcess() {
    RateLimiter limiter = limiter(failingRedis());

    assertThat(limiter.acquire("k", 2, MINUTE).allowed()).isTrue();
    assertThat(limiter.acquire("k", 2, MINUTE).allowed()).isTrue();
    assertThat(limiter.acquire("k", 2, MINUTE).allowed()).isFalse();
    assertThat(meters.counter("scoreboard.ratelimit.fallbacks").count()).isEqualTo(3);
  }

  @Test
  void afterAFailureRedisIsSkippedUntilTheRetryInterval() {
    RateLimiter limiter = limiter(failingRedis());

    limiter.acquire("k", 5, MINUTE);
    limiter.acquire("k", 5, MINUTE);
    limiter.acquire("k", 5, MINUTE);

    assertThat(redisCalls).hasValue(1);
    assertThat(availability.isDown()).isTrue();
  }

  @Test
  void aWorkingRedisDecidesAndNothingFallsBack() {
    RateLimiter limiter =
        limiter(
            (key, limit, window) -> {
              redisCalls.incrementAndGet();
              return new RateLimitDecision(false, limit, 0, 1234);
            });

    RateLimitDecision decision = limiter.acquire("k", 5, MINUTE);

    assertThat(decision.allowed()).isFalse();
    assertThat(decision.resetMillis()).isEqualTo(1234);
    assertThat(meters.counter("scoreboard.ratelimit.fallbacks").count()).isZero();
  }

  private SlidingWindow failingRedis() {
    return (key, limit, window) -> {
      redisCalls.incrementAndGet();
      throw new JedisConnectionException("connection refused");
    };
  }

  private RateLimiter limiter(SlidingWindow redis) {
    return new RateLimiter(redis, new LocalSlidingWindow(clock::millis), availability, meters);
  }
}
