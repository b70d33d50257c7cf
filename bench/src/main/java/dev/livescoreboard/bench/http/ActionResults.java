package dev.livescoreboard.bench.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The recorded part of an action load: the actions intended inside one span (the measured window
 * after the warm-up, or one step of a curve).
 *
 * @param issued actions started in the span
 * @param completed actions whose complete answered 200 (late ones included)
 * @param achievedPerSecond {@code completed} per second of the span
 * @param answeredPerSecond completes answered 200 inside the span (of actions intended in it or
 *     earlier) per second: the work the CPU measured over the span paid for. Equal to {@code
 *     achievedPerSecond} while the system keeps up; when requests queue it is the real throughput
 * @param span the span's length
 * @param startLatency start response (201) − intended start time (µs)
 * @param completeLatency complete response (200) − intended complete time (µs; coordinated-omission
 *     safe)
 * @param completeService complete response − actual complete send time (µs)
 * @param refusedLatency 503 or 429 answer of a start or complete − its intended send time (µs)
 * @param completePerSecond {@code completeLatency} per second of the span by intended time (empty
 *     unless asked for)
 * @param outcomes how the issued actions ended; the counts add up to {@code issued}
 * @param errors every non-2xx answer and failure by {@code "start|complete <status> <code>"} or
 *     exception name (refusals and timeouts included)
 */
public record ActionResults(
    long issued,
    long completed,
    double achievedPerSecond,
    double answeredPerSecond,
    Duration span,
    Histogram startLatency,
    Histogram completeLatency,
    Histogram completeService,
    Histogram refusedLatency,
    List<Histogram> completePerSecond,
    Map<ActionTally.Outcome, Long> outcomes,
    Map<String, Long> errors) {

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Actions that ended in {@code outcome}. */
  public long count(ActionTally.Outcome outcome) {
    return outcomes.getOrDefault(outcome, 0L);
  }

  /** {@code count} per second of the span. */
  public double perSecond(long count) {
    return count / (span.toNanos() / 1e9);
  }
}
