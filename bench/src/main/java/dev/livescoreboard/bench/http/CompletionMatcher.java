package dev.livescoreboard.bench.http;

import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * Joins "the complete response for (user, new score) arrived" with "a LEADERBOARD_UPDATE showing
 * that user with that score arrived", in whichever order they happen, and records the time from the
 * response to the update (0 when the update won the race). Only users entering or moving in the top
 * N produce updates, so this samples a subset of the actions. Thread-safe.
 */
public final class CompletionMatcher {

  /** What was seen first for a key: {@code +micros} a response, {@code -micros} an update. */
  private final ConcurrentHashMap<String, Long> firstSeen = new ConcurrentHashMap<>();

  private final ConcurrentHistogram matched = Histograms.concurrent();
  private volatile long measureFromMicros;

  /**
   * @param measureFromMicros wall-clock micros before which matches are not recorded
   */
  public CompletionMatcher(long measureFromMicros) {
    this.measureFromMicros = measureFromMicros;
  }

  /**
   * Moves the start of recording: the window is only known once the WebSocket fleet (which feeds
   * this matcher) has connected.
   */
  public void measureFrom(long micros) {
    this.measureFromMicros = micros;
  }

  public void responseReceived(String userId, long newScore, long micros) {
    Long update = join(key(userId, newScore), micros);
    if (update != null && update < 0) {
      recordMatch(micros, -update);
    }
  }

  public void updateReceived(String userId, long score, long micros) {
    Long response = join(key(userId, score), -micros);
    if (response != null && response > 0) {
      recordMatch(response, micros);
    }
  }

  /** Stores {@code signed} if the key is new; returns (and forgets) the other side if it is not. */
  private Long join(String key, long signed) {
    Long[] other = new Long[1];
    firstSeen.compute(
        key,
        (k, existing) -> {
          if (existing == null || Long.signum(existing) == Long.signum(signed)) {
            return existing == null ? signed : existing;
          }
          other[0] = existing;
          return null;
        });
    return other[0];
  }

  private void recordMatch(long responseMicros, long updateMicros) {
    if (responseMicros >= measureFromMicros) {
      Histograms.record(matched, updateMicros - responseMicros);
    }
  }

  /** Response-to-update latencies of matched pairs, in microseconds. */
  public ConcurrentHistogram matched() {
    return matched;
  }

  private static String key(String userId, long score) {
    return userId + '\u0000' + score;
  }
}
