package dev.livescoreboard.bench.http;

import java.time.Duration;

/**
 * The open model: request {@code i} is due at a time fixed in advance, whatever happened to the
 * requests before it. Latency measured from this intended time includes any queueing the system
 * under test caused, so a stall cannot hide behind fewer requests (no coordinated omission).
 *
 * <p>The offered rate may first ramp linearly from {@code rampFrom × rate} to {@code rate} over
 * {@code ramp}, then stays at {@code rate}: arrival {@code i} is due when the integral of the rate
 * reaches {@code i}. Without a ramp, arrival {@code i} is due at {@code start + i / rate}.
 *
 * @param ratePerSecond arrivals per second after the ramp
 * @param startNanos {@link System#nanoTime()} of arrival 0
 * @param ramp how long the rate ramps up ({@link Duration#ZERO}: constant from the start)
 * @param rampFrom the rate at the start of the ramp as a share of {@code ratePerSecond}, in (0, 1]
 */
public record OpenSchedule(double ratePerSecond, long startNanos, Duration ramp, double rampFrom)
    implements Arrivals {

  public OpenSchedule {
    if (!(ratePerSecond > 0)) {
      throw new IllegalArgumentException("rate must be positive");
    }
    if (ramp.isNegative() || !(rampFrom > 0 && rampFrom <= 1)) {
      throw new IllegalArgumentException("ramp must be ≥ 0 and start at a share in (0, 1]");
    }
  }

  /** A constant rate from the start. */
  public OpenSchedule(double ratePerSecond, long startNanos) {
    this(ratePerSecond, startNanos, Duration.ZERO, 1);
  }

  /** When arrival {@code i} is due. */
  @Override
  public long intendedNanos(long i) {
    if (ramp.isZero()) {
      return startNanos + Math.round(i * 1e9 / ratePerSecond);
    }
    double w = ramp.toNanos() / 1e9;
    double duringRamp = arrivalsBy(w);
    double seconds;
    if (i < duringRamp) {
      // Solves a·t² + b·t = i for t ≥ 0 in the form that never cancels digits.
      double a = ratePerSecond * (1 - rampFrom) / (2 * w);
      double b = ratePerSecond * rampFrom;
      seconds = 2 * i / (b + Math.sqrt(b * b + 4 * a * i));
    } else {
      seconds = w + (i - duringRamp) / ratePerSecond;
    }
    return startNanos + Math.round(seconds * 1e9);
  }

  /** How many arrivals fall into the first {@code span} after the start. */
  public long arrivalsWithin(Duration span) {
    // The tolerance absorbs floating-point error at exact boundaries (e.g. the end of the ramp).
    return (long) Math.ceil(arrivalsBy(span.toNanos() / 1e9) - 1e-6);
  }

  /** The first arrival due at or after {@code offset} from the start. */
  public long firstArrivalAt(Duration offset) {
    return arrivalsWithin(offset);
  }

  /** The offered rate {@code seconds} after the start. */
  public double rateAt(double seconds) {
    double w = ramp.toNanos() / 1e9;
    if (seconds >= w) {
      return ratePerSecond;
    }
    return ratePerSecond * (rampFrom + (1 - rampFrom) * Math.max(0, seconds) / w);
  }

  /** The integral of the rate from the start to {@code seconds}. */
  private double arrivalsBy(double seconds) {
    double w = ramp.toNanos() / 1e9;
    if (seconds <= w) {
      return ratePerSecond * (rampFrom * seconds + (1 - rampFrom) * seconds * seconds / (2 * w));
    }
    return ratePerSecond * (w * (1 + rampFrom) / 2 + (seconds - w));
  }
}
