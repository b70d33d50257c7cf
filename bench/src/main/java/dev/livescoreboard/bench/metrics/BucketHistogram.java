package dev.livescoreboard.bench.metrics;

import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Prometheus histogram as its server exposes it: cumulative counts per upper bound ({@code
 * _bucket{le="…"}}, summed over all series of the metric), {@code _count} and {@code _sum}. The
 * difference of two scrapes is the histogram of what happened between them; its quantiles are
 * interpolated inside a bucket, so they are only as precise as the buckets.
 *
 * @param cumulative upper bound → observations at or below it ({@code +Inf} included)
 * @param count all observations
 * @param sum the sum of all observed values
 */
public record BucketHistogram(NavigableMap<Double, Double> cumulative, double count, double sum) {

  /**
   * A quantile estimate.
   *
   * @param value the interpolated value, or the highest finite bound when the quantile lies in the
   *     {@code +Inf} bucket
   * @param aboveTopBucket whether it lies above the highest finite bound (then only "&gt; value" is
   *     known)
   */
  public record Quantile(double value, boolean aboveTopBucket) {}

  public BucketHistogram {
    cumulative = new TreeMap<>(cumulative);
  }

  /**
   * The histogram {@code metric} (base name, e.g. {@code scoreboard_outbox_lag_seconds}) in a
   * Prometheus text exposition; empty when it has no buckets (not exposed as a histogram).
   */
  public static Optional<BucketHistogram> parse(String exposition, String metric) {
    TreeMap<Double, Double> buckets = new TreeMap<>();
    for (String line : exposition.split("\n")) {
      String labels = PrometheusSamples.labels(line, metric + "_bucket");
      if (labels != null) {
        buckets.merge(bound(labels), PrometheusSamples.value(line), Double::sum);
      }
    }
    if (buckets.isEmpty()) {
      return Optional.empty();
    }
    double count = PrometheusSamples.sum(exposition, metric + "_count", "").orElse(0.0);
    double sum = PrometheusSamples.sum(exposition, metric + "_sum", "").orElse(0.0);
    return Optional.of(new BucketHistogram(buckets, count, sum));
  }

  /** What was observed after {@code earlier} was scraped (buckets missing there count as 0). */
  public BucketHistogram since(BucketHistogram earlier) {
    TreeMap<Double, Double> delta = new TreeMap<>();
    for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
      delta.put(b.getKey(), b.getValue() - earlier.cumulative.getOrDefault(b.getKey(), 0.0));
    }
    return new BucketHistogram(delta, count - earlier.count, sum - earlier.sum);
  }

  /** The {@code q}-quantile ({@code 0 < q ≤ 1}) as Prometheus' {@code histogram_quantile}. */
  public Optional<Quantile> quantile(double q) {
    double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    if (total <= 0) {
      return Optional.empty();
    }
    double rank = q * total;
    double lowerBound = 0;
    double below = 0;
    for (Map.Entry<Double, Double> b : cumulative.entrySet()) {
      if (b.getValue() >= rank) {
        if (b.getKey().isInfinite()) {
          return Optional.of(new Quantile(lowerBound, true));
        }
        double inBucket = b.getValue() - below;
        double share = inBucket <= 0 ? 1 : (rank - below) / inBucket;
        return Optional.of(new Quantile(lowerBound + (b.getKey() - lowerBound) * share, false));
      }
      lowerBound = b.getKey();
      below = b.getValue();
    }
    return Optional.of(new Quantile(lowerBound, true));
  }

  /**
   * The upper bound of the bucket holding the {@code q}-quantile: for whole-number observations
   * (batch sizes) with whole-number bounds this is exact where interpolation would invent
   * fractions. Infinite when it lies in the {@code +Inf} bucket.
   */
  public Optional<Double> bucketBound(double q) {
    double total = cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
    if (total <= 0) {
      return Optional.empty();
    }
    return cumulative.entrySet().stream()
        .filter(b -> b.getValue() >= q * total)
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** The mean observed value, or NaN without observations. */
  public double mean() {
    return count > 0 ? sum / count : Double.NaN;
  }

  private static double bound(String labels) {
    int at = labels.indexOf("le=\"");
    String le = labels.substring(at + 4, labels.indexOf('"', at + 4));
    return le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
  }
}
