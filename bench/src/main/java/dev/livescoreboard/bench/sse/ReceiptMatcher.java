package dev.livescoreboard.bench.sse;

import dev.livescoreboard.bench.http.Histograms;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Like {@link dev.livescoreboard.bench.http.CompletionMatcher}, but for many readers of the same
 * update: a complete's response (user, new score) is kept, and every reader's first receipt of an
 * update showing that pair records receipt − response (1 µs when the receipt won the race). The
 * readers themselves make sure they report each pair once ({@link ReaderState}). Thread-safe.
 */
final class ReceiptMatcher {

  /** Per key: {@code +micros} of the response, or {@code -n} receipts that came before it. */
  private final ConcurrentHashMap<String, Long> seen = new ConcurrentHashMap<>();

  private final ConcurrentHistogram matched = Histograms.concurrent();
  private volatile long measureFromMicros = Long.MAX_VALUE;

  /** Responses before this (wall-clock micros) are not recorded. */
  void measureFrom(long micros) {
    this.measureFromMicros = micros;
  }

  void responseReceived(String userId, long newScore, long micros) {
    long[] early = new long[1];
    seen.compute(
        key(userId, newScore),
        (k, v) -> {
          if (v != null && v < 0) {
            early[0] = -v;
          }
          return v != null && v > 0 ? v : micros;
        });
    if (micros >= measureFromMicros) {
      for (long i = 0; i < early[0]; i++) {
        Histograms.record(matched, 0);
      }
    }
  }

  void updateReceived(String userId, long score, long micros) {
    long[] response = new long[1];
    seen.compute(
        key(userId, score),
        (k, v) -> {
          if (v != null && v > 0) {
            response[0] = v;
            return v;
          }
          return v == null ? -1L : v - 1;
        });
    if (response[0] > 0 && response[0] >= measureFromMicros) {
      Histograms.record(matched, micros - response[0]);
    }
  }

  ConcurrentHistogram matched() {
    return matched;
  }

  private static String key(String userId, long score) {
    return userId + '\u0000' + score;
  }
}
