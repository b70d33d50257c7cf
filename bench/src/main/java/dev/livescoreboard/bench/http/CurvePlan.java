package dev.livescoreboard.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The time line of a goodput curve, one open-model schedule from start to end: a warm-up whose rate
 * ramps from {@value LoadPlan#RAMP_FROM} of the first step's rate to it (not recorded, so cold JVMs
 * compile first), then each step at its constant offered rate, then a recovery step at a
 * sustainable rate right after the highest. The rate changes at once at a step's edge: the curve
 * asks what each offered rate gets, and a sudden jump into overload (and out of it) is what
 * admission control has to absorb, so no ramp softens it; the edge's transient is part of the step.
 */
public final class CurvePlan implements Arrivals {

  /**
   * One measured step.
   *
   * @param index 0-based position; the recovery step is last
   * @param rate offered actions per second
   * @param fromNanos {@link System#nanoTime()} of the step's first instant
   * @param toNanos end of the step (exclusive)
   * @param recovery whether this is the recovery step after the highest rate
   */
  public record Step(int index, double rate, long fromNanos, long toNanos, boolean recovery) {

    public Duration length() {
      return Duration.ofNanos(toNanos - fromNanos);
    }

    /** Whether an arrival intended at {@code nanos} belongs to this step. */
    public boolean contains(long nanos) {
      return nanos >= fromNanos && nanos < toNanos;
    }
  }

  /** A stretch of the time line with one schedule; arrival numbers continue across segments. */
  private record Segment(OpenSchedule schedule, long firstArrival, long arrivals) {}

  private final List<Step> steps = new ArrayList<>();
  private final List<Segment> segments = new ArrayList<>();
  private final long arrivals;

  /**
   * @param startNanos {@link System#nanoTime()} when the warm-up starts
   * @param warmup the ramp before the first step (may be zero)
   * @param rates the steps' offered rates, in order
   * @param step how long each step lasts
   * @param recoveryRate the recovery step's rate
   * @param recoveryStep how long the recovery step lasts
   */
  public CurvePlan(
      long startNanos,
      Duration warmup,
      List<Double> rates,
      Duration step,
      double recoveryRate,
      Duration recoveryStep) {
    if (rates.isEmpty() || !positive(step) || !positive(recoveryStep) || warmup.isNegative()) {
      throw new IllegalArgumentException("a curve needs rates and positive step lengths");
    }
    long next = 0;
    if (!warmup.isZero()) {
      OpenSchedule ramp = new OpenSchedule(rates.get(0), startNanos, warmup, LoadPlan.RAMP_FROM);
      long n = ramp.arrivalsWithin(warmup);
      segments.add(new Segment(ramp, next, n));
      next += n;
    }
    long from = startNanos + warmup.toNanos();
    for (int i = 0; i <= rates.size(); i++) {
      boolean recovery = i == rates.size();
      double rate = recovery ? recoveryRate : rates.get(i);
      Duration length = recovery ? recoveryStep : step;
      OpenSchedule constant = new OpenSchedule(rate, from);
      long n = constant.arrivalsWithin(length);
      segments.add(new Segment(constant, next, n));
      next += n;
      steps.add(new Step(i, rate, from, from + length.toNanos(), recovery));
      from += length.toNanos();
    }
    this.arrivals = next;
  }

  private static boolean positive(Duration d) {
    return !d.isNegative() && !d.isZero();
  }

  /** The measured steps in order, the recovery step last. */
  public List<Step> steps() {
    return List.copyOf(steps);
  }

  /** Arrivals over the whole time line, warm-up included. */
  public long arrivals() {
    return arrivals;
  }

  /** The step an arrival intended at {@code nanos} is counted in; {@code null} in the warm-up. */
  public Step stepAt(long nanos) {
    for (Step s : steps) {
      if (s.contains(nanos)) {
        return s;
      }
    }
    return null;
  }

  @Override
  public long intendedNanos(long i) {
    Segment segment = segments.get(segments.size() - 1);
    for (Segment s : segments) {
      if (i < s.firstArrival() + s.arrivals()) {
        segment = s;
        break;
      }
    }
    return segment.schedule().intendedNanos(i - segment.firstArrival());
  }
}
