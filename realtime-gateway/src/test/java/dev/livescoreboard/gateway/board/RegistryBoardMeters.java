package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Board meters counting into a test's registry (the gateway's own come from GatewayMetrics), and
 * remembering the commit time of every timed broadcast.
 */
record RegistryBoardMeters(MeterRegistry registry, List<Instant> broadcastsWritten)
    implements BoardMeters {

  RegistryBoardMeters(MeterRegistry registry) {
    this(registry, new CopyOnWriteArrayList<>());
  }

  @Override
  public Counter changes(String board) {
    return registry.counter("changes", "board", board);
  }

  @Override
  public Counter broadcasts(String board) {
    return registry.counter("broadcasts", "board", board);
  }

  /** Counts timed broadcasts; {@link #broadcastsWritten()} gets their commit times (or EPOCH). */
  @Override
  public void broadcastWritten(long nanos, Instant sourceCommittedAt) {
    registry.counter("broadcasts.written").increment();
    broadcastsWritten.add(sourceCommittedAt == null ? Instant.EPOCH : sourceCommittedAt);
  }
}
