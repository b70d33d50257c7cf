package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;

/** Per-board counters of the broadcast throttle; the ratio of the two is what it saves. */
public interface BoardMeters {

  /** Counts newer states of {@code board} that arrived (from pub/sub, loads or refreshes). */
  Counter changes(String board);

  /** Counts broadcasts of {@code board} to its subscribers (at most one per interval). */
  Counter broadcasts(String board);
}
