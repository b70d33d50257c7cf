package dev.livescoreboard.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.HdrHistogram.AbstractHistogram;

/**
 * How soon after an overload the admitted completes were back to normal latency: the first second
 * of the recovery step from which on every second's p99 of admitted completes (by intended send
 * time) stays within the bound. A second without any admitted complete is not normal: a service
 * that refuses everything has not recovered.
 *
 * @param seconds whole seconds from the overload's end to the start of that second (0: the first
 *     second after the overload was already normal); empty when the step never settled
 * @param p99Ms each second's p99 in milliseconds ({@code NaN}: no admitted complete)
 */
record Recovery(OptionalInt seconds, List<Double> p99Ms) {

  /** SPEC §10 / issue 15: admitted writes keep a p99 ≤ 200 ms. */
  static final double NORMAL_P99_MS = 200;

  /** From the recovery step's per-second histograms of admitted completes (µs). */
  static Recovery of(List<? extends AbstractHistogram> perSecond, double boundMs) {
    List<Double> p99 = new ArrayList<>();
    for (AbstractHistogram h : perSecond) {
      p99.add(h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(99) / 1000.0);
    }
    int from = p99.size();
    while (from > 0 && p99.get(from - 1) <= boundMs) {
      from--;
    }
    return new Recovery(
        from < p99.size() ? OptionalInt.of(from) : OptionalInt.empty(), List.copyOf(p99));
  }

  /** Whether it was normal again within {@code seconds} of the overload's end. */
  boolean within(int seconds) {
    return this.seconds.isPresent() && this.seconds.getAsInt() <= seconds;
  }
}
