package dev.livescoreboard.bench.http;

import java.time.Duration;

/**
 * The time line every open-model load of a run shares: a warm-up whose offered rate ramps linearly
 * from {@value #RAMP_FROM} of the target to the target, then the measured window at the constant
 * target rate. Cold JVMs need a minute or more of load before the JIT (C2) is done; the ramp lets
 * them compile under growing load instead of queueing at the full rate, and nothing of the warm-up
 * is recorded.
 *
 * @param startNanos {@link System#nanoTime()} when the warm-up starts
 * @param warmup the ramp (not recorded)
 * @param duration the measured window at the target rate
 */
public record LoadPlan(long startNanos, Duration warmup, Duration duration) {

  /** The offered rate at the start of the warm-up, as a share of the target. */
  public static final double RAMP_FROM = 0.1;

  /** The arrivals of a load whose target rate is {@code ratePerSecond}. */
  public OpenSchedule schedule(double ratePerSecond) {
    return new OpenSchedule(ratePerSecond, startNanos, warmup, RAMP_FROM);
  }

  /** Arrivals of {@code schedule} over warm-up and window together. */
  long arrivals(OpenSchedule schedule) {
    return schedule.arrivalsWithin(warmup.plus(duration));
  }

  /** {@link System#nanoTime()} when the measured window starts. */
  public long windowStartNanos() {
    return startNanos + warmup.toNanos();
  }

  /** {@link System#nanoTime()} when the measured window ends. */
  public long windowEndNanos() {
    return windowStartNanos() + duration.toNanos();
  }

  /** The window's start as wall-clock epoch microseconds, comparable with other processes. */
  public long windowStartMicros() {
    return WallClock.micros() + (windowStartNanos() - System.nanoTime()) / 1_000;
  }
}
