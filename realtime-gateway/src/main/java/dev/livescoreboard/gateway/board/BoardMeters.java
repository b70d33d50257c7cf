package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Per-board counters of the broadcast throttle; the ratio of the two is what it saves. */
public interface BoardMeters {

  /** Counts newer states of {@code board} that arrived (from pub/sub, loads or refreshes). */
  Counter changes(String board);

  /** Counts broadcasts of {@code board} to its subscribers (at most one per interval). */
  Counter broadcasts(String board);

  /** Counters nobody reads (tests, tools). */
  static BoardMeters discarding() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    return new BoardMeters() {
      @Override
      public Counter changes(String board) {
        return registry.counter("changes", "board", board);
      }

      @Override
      public Counter broadcasts(String board) {
        return registry.counter("broadcasts", "board", board);
      }
    };
  }
}
