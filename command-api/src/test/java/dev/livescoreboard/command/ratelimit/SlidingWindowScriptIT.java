package dev.livescoreboard.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.redis.RedisSettings;
import dev.livescoreboard.testsupport.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The Lua sliding window against a real Redis, without the application. */
class SlidingWindowScriptIT {

  private final String prefix = TestRedis.shared().newKeyPrefix();
  private final RedisClient redis =
      RedisClient.create(java.net.URI.create(TestRedis.shared().url()));
  private final RedisSlidingWindow window =
      new RedisSlidingWindow(
          redis,
          new RedisSettings(
              TestRedis.shared().url(), prefix, Duration.ofSeconds(2), Duration.ofSeconds(1)));

  @AfterEach
  void close() {
    redis.close();
  }

  @Test
  void fiftyParallelRequestsAllowExactlyTheLimit() throws Exception {
    List<Callable<RateLimitDecision>> calls = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      calls.add(() -> window.acquire("burst", 10, Duration.ofMinutes(1)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(50);
    List<RateLimitDecision> decisions = new ArrayList<>();
    try {
      for (Future<RateLimitDecision> f : pool.invokeAll(calls)) {
        decisions.add(f.get());
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(decisions.stream().filter(RateLimitDecision::allowed)).hasSize(10);
    assertThat(
            decisions.stream().filter(RateLimitDecision::allowed).map(RateLimitDecision::remaining))
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    assertThat(redis.zcard(prefix + "rl:burst")).isEqualTo(10);
  }

  @Test
  void theWindowKeyExpiresWithTheWindow() {
    window.acquire("ttl", 3, Duration.ofSeconds(30));

    assertThat(redis.pttl(prefix + "rl:ttl")).isBetween(1L, 30_000L);
  }

  @Test
  void aRefusalTellsWhenTheOldestRequestLeaves() {
    Duration window = Duration.ofSeconds(20);
    this.window.acquire("reset", 1, window);

    RateLimitDecision refused = this.window.acquire("reset", 1, window);

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.remaining()).isZero();
    assertThat(refused.resetMillis()).isBetween(1L, 20_000L);
    assertThat(redis.zcard(prefix + "rl:reset")).isEqualTo(1);
  }

  @Test
  void theScriptIsReloadedAfterAScriptFlush() {
    window.acquire("flush", 5, Duration.ofMinutes(1));
    redis.scriptFlush();

    assertThat(window.acquire("flush", 5, Duration.ofMinutes(1)).remaining()).isEqualTo(3);
  }
}
