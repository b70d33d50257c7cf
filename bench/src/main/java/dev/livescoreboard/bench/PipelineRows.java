package dev.livescoreboard.bench;

import dev.livescoreboard.bench.metrics.BucketHistogram;
import dev.livescoreboard.bench.report.Percentiles;
import dev.livescoreboard.bench.report.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report rows of the services' own histograms: the outbox lag against its target, and the
 * projector's batches. Quantiles come from Prometheus buckets, so they are bucket-resolution.
 */
final class PipelineRows {

  private static final String NONE = "–";

  private PipelineRows() {}

  static List<Row> of(PipelineMetrics p) {
    List<Row> rows = new ArrayList<>();
    rows.add(outboxLag(p.outboxLag()));
    p.outboxRound()
        .ifPresent(
            h ->
                rows.add(
                    timing(
                        "outbox relay transaction (claims, sends, acks, commit)",
                        h,
                        "transactions")));
    p.outboxSend()
        .ifPresent(
            h ->
                rows.add(
                    timing("outbox Kafka send (batch sent → every record acked)", h, "batches")));
    p.projectorApply()
        .ifPresent(h -> rows.add(timing("projector batch apply (Redis pipeline)", h, "batches")));
    p.projectorBatch()
        .ifPresent(
            h ->
                rows.add(
                    new Row(
                        "projector batch size",
                        NONE,
                        "p50 ≤ "
                            + bound(h, 0.5)
                            + " · p99 ≤ "
                            + bound(h, 0.99)
                            + " records · mean "
                            + String.format(Locale.ROOT, "%.1f", h.mean())
                            + " (n="
                            + count(h)
                            + ", bucket resolution)",
                        NONE)));
    return rows;
  }

  private static Row timing(String metric, BucketHistogram h, String what) {
    return new Row(
        metric,
        NONE,
        quantiles(h, 1000, "ms")
            + " · mean "
            + Percentiles.fmt(h.mean() * 1000)
            + " ms (n="
            + count(h)
            + " "
            + what
            + ", bucket resolution)",
        NONE);
  }

  static Row outboxLag(Optional<BucketHistogram> lag) {
    String metric = "outbox lag (commit → Kafka ack)";
    String target = "p99 ≤ 10 ms";
    if (lag.isEmpty()) {
      return new Row(
          metric,
          target,
          "not available (no "
              + PipelineMetrics.OUTBOX_LAG
              + " buckets on command-api's /actuator/prometheus)",
          NONE);
    }
    BucketHistogram h = lag.get();
    Optional<BucketHistogram.Quantile> p99 = h.quantile(0.99);
    if (p99.isEmpty()) {
      return new Row(metric, target, "no samples in the window", NONE);
    }
    String measured = quantiles(h, 1000, "ms") + " (n=" + count(h) + ", bucket resolution)";
    boolean met = !p99.get().aboveTopBucket() && p99.get().value() * 1000 <= 10;
    return new Row(metric, target, measured, ResultRows.verdict(met));
  }

  /** {@code p50 a · p99 b unit}, values scaled by {@code scale}; "&gt; x" above the top bucket. */
  private static String quantiles(BucketHistogram h, double scale, String unit) {
    return "p50 "
        + value(h.quantile(0.5), scale)
        + " · p99 "
        + value(h.quantile(0.99), scale)
        + " "
        + unit;
  }

  private static String value(Optional<BucketHistogram.Quantile> q, double scale) {
    return q.map(v -> (v.aboveTopBucket() ? "> " : "") + Percentiles.fmt(v.value() * scale))
        .orElse("–");
  }

  /** The bucket bound holding quantile {@code q}, for whole-number observations. */
  private static String bound(BucketHistogram h, double q) {
    return h.bucketBound(q)
        .map(
            b ->
                b.isInfinite()
                    ? "∞"
                    : String.format(Locale.ROOT, b == Math.rint(b) ? "%.0f" : "%.1f", b))
        .orElse("–");
  }

  private static long count(BucketHistogram h) {
    return Math.round(h.count());
  }
}
