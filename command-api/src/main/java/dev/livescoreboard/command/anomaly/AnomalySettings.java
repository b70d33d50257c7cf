package dev.livescoreboard.command.anomaly;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The anomaly job ({@code scoreboard.anomaly.*}): how often it scans, how far back, and the
 * threshold of each rule. Defaults and the reasons for them are in {@code application.yml}.
 *
 * @param interval time between two scans
 * @param lookback the scan looks at events committed this long before "now"
 * @param autoFreeze a new flag also freezes the user
 * @param pinnedRate rule {@link Reason#RATE_PINNED_AT_LIMIT}
 * @param minimumDuration rule {@link Reason#COMPLETES_AT_MINIMUM_DURATION}
 * @param pointsRate rule {@link Reason#POINTS_FAR_ABOVE_POPULATION}
 */
@ConfigurationProperties("scoreboard.anomaly")
record AnomalySettings(
    Duration interval,
    Duration lookback,
    boolean autoFreeze,
    PinnedRate pinnedRate,
    MinimumDuration minimumDuration,
    PointsRate pointsRate) {

  /**
   * A user's completes of one action counted per {@code window}; a window is pinned when it holds
   * at least {@code fraction} of the most the limits allow in it.
   *
   * @param window the length of one counting window (aligned to the epoch)
   * @param fraction 0 < fraction ≤ 1
   * @param consecutiveWindows flag after this many pinned windows in a row
   */
  record PinnedRate(Duration window, double fraction, int consecutiveWindows) {}

  /**
   * Completes whose duration (commit − the token's {@code iat}) is within {@code tolerance} above
   * the action's {@code min-seconds}.
   *
   * @param tolerance how close to the minimum counts as "at" it
   * @param fraction flag when at least this share of the user's completes is at the minimum
   * @param minCompletes ... out of at least this many completes of actions with a minimum
   */
  record MinimumDuration(Duration tolerance, double fraction, int minCompletes) {}

  /**
   * Points scored in the lookback compared with the median of every user who scored in it.
   *
   * @param multipleOfMedian flag above this multiple of the median
   * @param minPopulation no comparison with fewer users than this (the median means nothing)
   */
  record PointsRate(double multipleOfMedian, int minPopulation) {}

  AnomalySettings {
    requirePositive(interval, "interval");
    requirePositive(lookback, "lookback");
    requirePositive(pinnedRate.window(), "pinned-rate.window");
    requireFraction(pinnedRate.fraction(), "pinned-rate.fraction");
    if (pinnedRate.consecutiveWindows() < 1) {
      throw new IllegalArgumentException(
          "scoreboard.anomaly.pinned-rate.consecutive-windows must be at least 1");
    }
    if (lookback.compareTo(pinnedRate.window().multipliedBy(pinnedRate.consecutiveWindows() + 1L))
        < 0) {
      // One window more: the oldest and the running window are only partly inside the lookback.
      throw new IllegalArgumentException(
          "scoreboard.anomaly.lookback must cover consecutive-windows + 1 pinned-rate windows");
    }
    requirePositive(minimumDuration.tolerance(), "minimum-duration.tolerance");
    requireFraction(minimumDuration.fraction(), "minimum-duration.fraction");
    if (minimumDuration.minCompletes() < 1) {
      throw new IllegalArgumentException(
          "scoreboard.anomaly.minimum-duration.min-completes must be at least 1");
    }
    if (pointsRate.multipleOfMedian() <= 1 || pointsRate.minPopulation() < 2) {
      throw new IllegalArgumentException(
          "scoreboard.anomaly.points-rate: multiple-of-median must be above 1, min-population at"
              + " least 2");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("scoreboard.anomaly." + name + " must be positive");
    }
  }

  private static void requireFraction(double fraction, String name) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("scoreboard.anomaly." + name + " must be in (0, 1]");
    }
  }
}
