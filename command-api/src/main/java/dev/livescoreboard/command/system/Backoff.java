package dev.livescoreboard.command.system;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Doubling pauses between reconnect attempts, from {@code min} up to {@code max}, back to {@code
 * min} after a success. For one thread: not thread-safe.
 */
public final class Backoff {

  private final Duration min;
  private final Duration max;
  private Duration next;

  public Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
    this.next = min;
  }

  /** The connection worked: the next failure waits {@code min} again. */
  public void reset() {
    next = min;
  }

  /** The pause due now (doubling the one after it). */
  public Duration next() {
    Duration due = next;
    next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
    return due;
  }

  /**
   * Sleeps {@code pause}; returns early, without the interrupt flag, when interrupted (stopping).
   */
  public static void sleep(Duration pause) {
    try {
      TimeUnit.MILLISECONDS.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      // The owner is stopping; its loop checks isRunning() next.
    }
  }
}
