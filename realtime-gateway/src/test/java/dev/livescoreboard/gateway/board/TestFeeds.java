package dev.livescoreboard.gateway.board;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.util.concurrent.ImmediateEventExecutor;
import java.time.Duration;

/** Board feeds for tests of what sits around the fan-out. */
public final class TestFeeds {

  private TestFeeds() {}

  /**
   * A feed that broadcasts every change at once from the calling thread, counting into {@code
   * registry}'s {@code delivered} and {@code conflated}.
   */
  public static BoardFeed immediate(
      LeaderboardStore store, BlockingExecutor blocking, MeterRegistry registry) {
    return new BoardFeed(
        new BoardSnapshots(),
        store,
        blocking,
        registry.counter("delivered"),
        registry.counter("conflated"),
        Duration.ZERO,
        ImmediateEventExecutor.INSTANCE,
        new RegistryBoardMeters(registry));
  }
}
