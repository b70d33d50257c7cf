package dev.livescoreboard.command.ratelimit;

import java.time.Duration;

/**
 * A sliding-window counter: counts a request under {@code key} if fewer than {@code limit} were.
 */
interface SlidingWindow {

  RateLimitDecision acquire(String key, int limit, Duration window);
}
