package dev.livescoreboard.bench.report;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The usual percentiles of a microsecond histogram, in milliseconds.
 *
 * @param count recorded values
 */
public record Percentiles(long count, double p50, double p90, double p99, double p999, double max) {

  public static Percentiles of(AbstractHistogram micros) {
    if (micros.getTotalCount() == 0) {
      return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    return new Percentiles(
        micros.getTotalCount(),
        ms(micros.getValueAtPercentile(50)),
        ms(micros.getValueAtPercentile(90)),
        ms(micros.getValueAtPercentile(99)),
        ms(micros.getValueAtPercentile(99.9)),
        ms(micros.getMaxValue()));
  }

  /**
   * The percentile distribution as points {@code (1/(1-p), milliseconds)}: x = 10 is p90, 100 is
   * p99, 1000 is p99.9. The 100th percentile (infinite x) is left out.
   */
  public static List<double[]> distribution(AbstractHistogram micros) {
    List<double[]> points = new ArrayList<>();
    if (micros.getTotalCount() == 0) {
      return points;
    }
    for (HistogramIterationValue v : micros.percentiles(5)) {
      double p = v.getPercentileLevelIteratedTo();
      if (p >= 100.0) {
        break;
      }
      points.add(new double[] {1.0 / (1.0 - p / 100.0), ms(v.getValueIteratedTo())});
    }
    return points;
  }

  /** {@code p50 1.23 · p99 4.56 · max 7.89 ms (n=…)}. */
  public String summary() {
    if (count == 0) {
      return "no samples";
    }
    return String.format(
        java.util.Locale.ROOT,
        "p50 %s · p90 %s · p99 %s · p99.9 %s · max %s ms (n=%d)",
        fmt(p50),
        fmt(p90),
        fmt(p99),
        fmt(p999),
        fmt(max),
        count);
  }

  /** Milliseconds with 2, 1 or 0 decimals by magnitude; "–" for no value. */
  public static String fmt(double ms) {
    if (Double.isNaN(ms)) {
      return "–";
    }
    return ms >= 100
        ? String.format(java.util.Locale.ROOT, "%.0f", ms)
        : ms >= 10
            ? String.format(java.util.Locale.ROOT, "%.1f", ms)
            : String.format(java.util.Locale.ROOT, "%.2f", ms);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
