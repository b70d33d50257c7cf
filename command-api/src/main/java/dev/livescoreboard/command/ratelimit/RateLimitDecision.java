package dev.livescoreboard.command.ratelimit;

/**
 * The outcome of one rate-limit check.
 *
 * @param allowed whether the request may proceed (and was counted)
 * @param limit requests allowed per window
 * @param remaining requests left in the current window after this one
 * @param resetMillis until the oldest counted request leaves the window, i.e. until one more
 *     request is allowed again when none is left
 */
record RateLimitDecision(boolean allowed, int limit, int remaining, long resetMillis) {

  RateLimitDecision {
    remaining = Math.max(0, remaining);
    resetMillis = Math.max(0, resetMillis);
  }

  /** {@link #resetMillis} in whole seconds, rounded up, at least 1 (for the HTTP headers). */
  long resetSeconds() {
    return Math.max(1, (resetMillis + 999) / 1000);
  }
}
