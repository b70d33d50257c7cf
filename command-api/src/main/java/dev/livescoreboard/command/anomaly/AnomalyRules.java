package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.command.action.ActionCatalog;
import dev.livescoreboard.command.action.ActionDefinition;
import dev.livescoreboard.command.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The three rules of one scan: turns the current catalog and limits into the numbers the queries
 * compare with, runs them and describes each finding with the numbers behind it.
 */
@Component
class AnomalyRules {

  private final AnomalyQueries queries;
  private final ActionCatalog catalog;
  private final RateLimitSettings rateLimits;
  private final AnomalySettings settings;

  AnomalyRules(
      AnomalyQueries queries,
      ActionCatalog catalog,
      RateLimitSettings rateLimits,
      AnomalySettings settings) {
    this.queries = queries;
    this.catalog = catalog;
    this.rateLimits = rateLimits;
    this.settings = settings;
  }

  /** Every user the rules flag for events committed in the lookback before {@code now}. */
  List<Suspicion> find(Instant now) {
    Instant since = now.minus(settings.lookback());
    List<ActionDefinition> actions = catalog.actions();
    List<Suspicion> found = new ArrayList<>();
    found.addAll(pinnedRate(actions, since, now));
    found.addAll(minimumDuration(actions, since, now));
    found.addAll(pointsRate(since, now));
    return found;
  }

  private List<Suspicion> pinnedRate(List<ActionDefinition> actions, Instant since, Instant now) {
    AnomalySettings.PinnedRate rule = settings.pinnedRate();
    Duration window = rule.window();
    Map<String, RateCeiling> ceilings =
        RateCeiling.of(actions, rateLimits, window, rule.fraction());
    return queries.pinnedStreaks(ceilings, window, rule.consecutiveWindows(), since, now).stream()
        .map(
            s ->
                new Suspicion(
                    s.userId(),
                    Reason.RATE_PINNED_AT_LIMIT,
                    Map.of(
                        "actionType", s.actionType(),
                        "windowSeconds", window.toSeconds(),
                        "consecutiveWindows", s.windows(),
                        "since",
                            Instant.ofEpochSecond(s.firstSlot() * window.toSeconds()).toString(),
                        "completes", s.completes(),
                        "meanPerWindow", round((double) s.completes() / s.windows()),
                        "ceilingPerWindow", round(s.ceiling()),
                        "pinnedAtLeast", s.threshold())))
        .toList();
  }

  private List<Suspicion> minimumDuration(
      List<ActionDefinition> actions, Instant since, Instant now) {
    AnomalySettings.MinimumDuration rule = settings.minimumDuration();
    // An action without a minimum has nothing to cluster at: every quick complete would match.
    Map<String, Integer> minSeconds = new LinkedHashMap<>();
    actions.stream()
        .filter(a -> a.minSeconds() > 0)
        .forEach(a -> minSeconds.put(a.type(), a.minSeconds()));
    return queries.atMinimum(minSeconds, rule, since, now).stream()
        .map(
            m ->
                new Suspicion(
                    m.userId(),
                    Reason.COMPLETES_AT_MINIMUM_DURATION,
                    Map.of(
                        "completes", m.completes(),
                        "atMinimum", m.atMinimum(),
                        "share", round((double) m.atMinimum() / m.completes()),
                        "toleranceSeconds", rule.tolerance().toMillis() / 1000.0,
                        "medianSecondsOverMinimum", round(m.medianSlackSeconds()))))
        .toList();
  }

  private List<Suspicion> pointsRate(Instant since, Instant now) {
    AnomalySettings.PointsRate rule = settings.pointsRate();
    PopulationCutoff population = queries.population(since, now);
    double hours = settings.lookback().toMillis() / 3_600_000.0;
    return population
        .cutoff(rule)
        .map(
            cutoff ->
                queries.scoredAbove(cutoff, since, now).stream()
                    .map(
                        h ->
                            new Suspicion(
                                h.userId(),
                                Reason.POINTS_FAR_ABOVE_POPULATION,
                                Map.of(
                                    "points", h.points(),
                                    "completes", h.completes(),
                                    "pointsPerHour", round(h.points() / hours),
                                    "populationMedianPerHour",
                                        round(population.medianPoints() / hours),
                                    "timesMedian", round(h.points() / population.medianPoints()),
                                    "population", population.population(),
                                    "multipleOfMedian", rule.multipleOfMedian(),
                                    "lookbackSeconds", settings.lookback().toSeconds())))
                    .toList())
        .orElse(List.of());
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }
}
