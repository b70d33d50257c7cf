package dev.livescoreboard.events.retry;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Pauses between reconnect attempts: exponential back-off with full jitter. The n-th pause after a
 * success (n from 0) is random in [min(base/2, ceiling), ceiling] with ceiling = min(max, base·2ⁿ),
 * so many instances that lost a dependency at once do not reconnect in lockstep, and a lasting
 * outage is retried every {@code max} at most. For one thread: not thread-safe.
 */
public final class Backoff {

  private final long baseMillis;
  private final long maxMillis;
  private int attempt;

  /**
   * @param base the ceiling of the first pause
   * @param max the ceiling of every pause
   */
  public Backoff(Duration base, Duration max) {
    if (base.toMillis() < 1 || max.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 1 ms <= base <= max, got " + base + ", " + max);
    }
    this.baseMillis = base.toMillis();
    this.maxMillis = max.toMillis();
  }

  /** The pause due now; the ceiling of the next one doubles, up to {@code max}. */
  public Duration next() {
    long ceiling = Math.min(maxMillis, baseMillis << Math.min(attempt, 30));
    attempt++;
    long floor = Math.min(baseMillis / 2, ceiling);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(floor, ceiling + 1));
  }

  /** The connection worked: the next pause is a first one again. */
  public void reset() {
    attempt = 0;
  }

  /**
   * Sleeps {@link #next()}. Returns {@code false} when interrupted, with the interrupt flag set
   * again: the owner is being stopped and should leave its loop.
   */
  public boolean pause() {
    try {
      Thread.sleep(next().toMillis());
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
