package dev.livescoreboard.command.anomaly;

import java.util.Optional;

/**
 * The points in the lookback above which a user is far above the population.
 *
 * @param population users who scored with an action in the lookback
 * @param medianPoints their median points
 */
record PopulationCutoff(long population, double medianPoints) {

  /**
   * {@code multipleOfMedian × median}, or empty while the population is smaller than {@code
   * minPopulation} or the median is 0 (every multiple of it would flag anyone who scored).
   */
  Optional<Double> cutoff(AnomalySettings.PointsRate rule) {
    if (population < rule.minPopulation() || medianPoints <= 0) {
      return Optional.empty();
    }
    return Optional.of(rule.multipleOfMedian() * medianPoints);
  }
}
