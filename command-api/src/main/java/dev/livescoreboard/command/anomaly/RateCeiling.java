package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.command.action.ActionDefinition;
import dev.livescoreboard.command.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The most completes of one action a user can commit in one pinned-rate window, and how many make
 * the window count as pinned.
 *
 * @param ceiling the tightest of the action's {@code max-per-hour} and the user's complete rate
 *     limit, each scaled to the window
 * @param threshold completes that make a window pinned: {@code fraction × ceiling}, rounded up
 */
record RateCeiling(double ceiling, int threshold) {

  private static final Duration HOUR = Duration.ofHours(1);

  /**
   * The ceilings of the actions that have one of at least one complete per window; actions without
   * a limit, or whose limit allows less than one complete per window, cannot be pinned and are left
   * out.
   */
  static Map<String, RateCeiling> of(
      List<ActionDefinition> actions,
      RateLimitSettings rateLimits,
      Duration window,
      double fraction) {
    Map<String, RateCeiling> ceilings = new LinkedHashMap<>();
    for (ActionDefinition action : actions) {
      of(action, rateLimits, window, fraction).ifPresent(c -> ceilings.put(action.type(), c));
    }
    return ceilings;
  }

  static Optional<RateCeiling> of(
      ActionDefinition action, RateLimitSettings rateLimits, Duration window, double fraction) {
    double ceiling = Double.POSITIVE_INFINITY;
    if (action.maxPerHour() != null) {
      ceiling = action.maxPerHour() * ratio(window, HOUR);
    }
    if (rateLimits.enabled()) {
      int limit = rateLimits.completePerAction().getOrDefault(action.type(), rateLimits.complete());
      ceiling = Math.min(ceiling, limit * ratio(window, rateLimits.window()));
    }
    if (Double.isInfinite(ceiling) || ceiling < 1) {
      return Optional.empty();
    }
    // The small epsilon keeps 0.9 × 20 = 18.000000000000004 from becoming 19.
    int threshold = (int) Math.max(1, Math.ceil(fraction * ceiling - 1e-9));
    return Optional.of(new RateCeiling(ceiling, threshold));
  }

  private static double ratio(Duration part, Duration whole) {
    return (double) part.toMillis() / whole.toMillis();
  }
}
