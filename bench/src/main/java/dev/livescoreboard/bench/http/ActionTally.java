package dev.livescoreboard.bench.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What the actions intended inside one span of time (the measured window, or one step of a curve)
 * got. Each action ends in exactly one {@link Outcome}; the latency histograms hold every answer of
 * their kind, late ones included. Thread-safe: recorded from the pacer and Netty event loops.
 */
public final class ActionTally {

  /** How an action ended, best first: of its two answers the worse one decides. */
  public enum Outcome {
    /** Start and complete both answered 2xx within the SLO. */
    GOOD,
    /** Both answered 2xx within the timeout, at least one of them later than the SLO. */
    SLOW,
    /** The start or the complete answered 503 or 429 within the timeout. */
    REFUSED,
    /** An answer came later than the timeout, or none came. */
    TIMED_OUT,
    /** Any other status, or the connection failed. */
    FAILED
  }

  private final long fromNanos;
  private final Duration span;
  private final ConcurrentHistogram startLatency = Histograms.concurrent();
  private final ConcurrentHistogram completeLatency = Histograms.concurrent();
  private final ConcurrentHistogram completeService = Histograms.concurrent();
  private final ConcurrentHistogram refusedLatency = Histograms.concurrent();
  private final ConcurrentHistogram[] completePerSecond;
  private final Map<Outcome, LongAdder> outcomes = new EnumMap<>(Outcome.class);
  private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder issued = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final AtomicLong open = new AtomicLong();

  /**
   * @param fromNanos {@link System#nanoTime()} where the span starts
   * @param span its length
   * @param perSecond whether to keep a histogram of admitted completes per second of intended time
   */
  ActionTally(long fromNanos, Duration span, boolean perSecond) {
    this.fromNanos = fromNanos;
    this.span = span;
    int seconds = perSecond ? (int) Math.max(1, (span.toMillis() + 999) / 1000) : 0;
    this.completePerSecond = new ConcurrentHistogram[seconds];
    for (int i = 0; i < seconds; i++) {
      completePerSecond[i] = Histograms.coarse();
    }
    for (Outcome o : Outcome.values()) {
      outcomes.put(o, new LongAdder());
    }
  }

  void issued() {
    issued.increment();
    open.incrementAndGet();
  }

  void started(long latencyMicros) {
    Histograms.record(startLatency, latencyMicros);
  }

  /** A complete answered 200: {@code intendedNanos} files it under its second. */
  void completed(long intendedNanos, long latencyMicros, long serviceMicros) {
    completed.increment();
    Histograms.record(completeLatency, latencyMicros);
    Histograms.record(completeService, serviceMicros);
    if (completePerSecond.length > 0) {
      int second = (int) ((intendedNanos - fromNanos) / 1_000_000_000L);
      Histograms.record(
          completePerSecond[Math.max(0, Math.min(completePerSecond.length - 1, second))],
          latencyMicros);
    }
  }

  /**
   * A complete answered 200 at {@code receivedNanos}, whichever span its action was intended in:
   * counted if the answer arrived inside this span.
   */
  void answered(long receivedNanos) {
    if (receivedNanos >= fromNanos && receivedNanos - fromNanos < span.toNanos()) {
      answered.increment();
    }
  }

  void refused(long latencyMicros) {
    Histograms.record(refusedLatency, latencyMicros);
  }

  void error(String key) {
    errors.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  void ended(Outcome outcome) {
    outcomes.get(outcome).increment();
    open.decrementAndGet();
  }

  /** A copy of what was recorded; actions still open count as timed out. */
  ActionResults results() {
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
    long unanswered = open.get();
    if (unanswered > 0) {
      errorCounts.put("unanswered after grace", unanswered);
    }
    Map<Outcome, Long> ended = new EnumMap<>(Outcome.class);
    outcomes.forEach((o, n) -> ended.put(o, n.sum()));
    ended.merge(Outcome.TIMED_OUT, Math.max(0, unanswered), Long::sum);
    List<Histogram> perSecond = new ArrayList<>();
    for (ConcurrentHistogram h : completePerSecond) {
      perSecond.add(h.copy());
    }
    return new ActionResults(
        issued.sum(),
        completed.sum(),
        completed.sum() / (span.toNanos() / 1e9),
        answered.sum() / (span.toNanos() / 1e9),
        span,
        startLatency.copy(),
        completeLatency.copy(),
        completeService.copy(),
        refusedLatency.copy(),
        perSecond,
        ended,
        errorCounts);
  }
}
