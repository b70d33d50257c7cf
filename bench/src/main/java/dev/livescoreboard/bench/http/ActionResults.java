package dev.livescoreboard.bench.http;

import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The measured part of an action load (arrivals intended after the warm-up).
 *
 * @param issued actions started in the measured window
 * @param completed actions whose complete answered 200
 * @param achievedPerSecond {@code completed} per second of the measured window
 * @param startLatency start response − intended start time (µs)
 * @param completeLatency complete response − intended complete time (µs; coordinated-omission safe)
 * @param completeService complete response − actual complete send time (µs)
 * @param errors failures by {@code "start|complete <status> <code>"} or exception name
 */
public record ActionResults(
    long issued,
    long completed,
    double achievedPerSecond,
    Histogram startLatency,
    Histogram completeLatency,
    Histogram completeService,
    Map<String, Long> errors) {

  public long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }
}
