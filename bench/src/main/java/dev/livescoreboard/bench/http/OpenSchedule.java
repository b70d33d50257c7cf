package dev.livescoreboard.bench.http;

import java.time.Duration;

/**
 * The open model: request {@code i} is due at {@code start + i / rate}, whatever happened to the
 * requests before it. Latency measured from this intended time includes any queueing the system
 * under test caused, so a stall cannot hide behind fewer requests (no coordinated omission).
 *
 * @param ratePerSecond arrivals per second
 * @param startNanos {@link System#nanoTime()} of arrival 0
 */
public record OpenSchedule(double ratePerSecond, long startNanos) {

  public OpenSchedule {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
  }

  /** When arrival {@code i} is due. */
  public long intendedNanos(long i) {
    return startNanos + Math.round(i * 1e9 / ratePerSecond);
  }

  /** How many arrivals fall into the first {@code span} after the start. */
  public long arrivalsWithin(Duration span) {
    return (long) Math.ceil(span.toNanos() * ratePerSecond / 1e9 - 1e-9);
  }

  /** The first arrival due at or after {@code offset} from the start. */
  public long firstArrivalAt(Duration offset) {
    return arrivalsWithin(offset);
  }
}
