package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import java.time.Instant;

/**
 * What the board package measures: per-board counters of the broadcast throttle (the ratio of the
 * two is what it saves), and the time of each broadcast.
 */
public interface BoardMeters {

  /** Counts newer states of {@code board} that arrived (from pub/sub, loads or refreshes). */
  Counter changes(String board);

  /** Counts broadcasts of {@code board} to its subscribers (at most one per interval). */
  Counter broadcasts(String board);

  /**
   * Records one broadcast once every event loop has written it to its subscribers of the board.
   *
   * @param nanos from the broadcast's start to the last loop's flush
   * @param sourceCommittedAt when the score change the state shows was committed, or {@code null}
   *     for a state no traced score change caused (it has no end-to-end latency to record)
   */
  void broadcastWritten(long nanos, Instant sourceCommittedAt);
}
