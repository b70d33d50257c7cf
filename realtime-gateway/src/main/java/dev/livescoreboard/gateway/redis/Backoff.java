package dev.livescoreboard.gateway.redis;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter: the n-th wait is random in [base/2, min(max, base·2ⁿ)], so
 * many gateways that lost Redis at once do not reconnect in lockstep. Not thread-safe.
 */
final class Backoff {

  private final long baseMillis;
  private final long maxMillis;
  private int attempt;

  Backoff(Duration base, Duration max) {
    this.baseMillis = base.toMillis();
    this.maxMillis = max.toMillis();
  }

  Duration next() {
    long ceiling = Math.min(maxMillis, baseMillis << Math.min(attempt, 20));
    attempt++;
    long floor = Math.min(baseMillis / 2, ceiling);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(floor, ceiling + 1));
  }

  void reset() {
    attempt = 0;
  }
}
