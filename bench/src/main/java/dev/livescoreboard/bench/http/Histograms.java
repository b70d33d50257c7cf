package dev.livescoreboard.bench.http;

import org.HdrHistogram.AbstractHistogram;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latency histograms in microseconds: 1 µs to 10 minutes, 3 significant digits. */
public final class Histograms {

  public static final long MAX_MICROS = 600_000_000L;

  private Histograms() {}

  /** For many recording threads (wait-free record). */
  public static ConcurrentHistogram concurrent() {
    return new ConcurrentHistogram(1, MAX_MICROS, 3);
  }

  /**
   * Two significant digits, for the many small histograms of a curve's seconds (a tenth of the
   * memory of {@link #concurrent()}).
   */
  public static ConcurrentHistogram coarse() {
    return new ConcurrentHistogram(1, MAX_MICROS, 2);
  }

  /** For merging and reporting. */
  public static Histogram plain() {
    return new Histogram(1, MAX_MICROS, 3);
  }

  /** Records {@code micros}, clamped into the trackable range (negative skew counts as 0). */
  public static void record(AbstractHistogram histogram, long micros) {
    histogram.recordValue(Math.max(1, Math.min(MAX_MICROS, micros)));
  }

  /** Nanosecond difference as microseconds. */
  public static long micros(long fromNanos, long toNanos) {
    return (toNanos - fromNanos) / 1_000;
  }
}
