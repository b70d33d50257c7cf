package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Board meters counting into a test's registry (the gateway's own come from GatewayMetrics). */
record RegistryBoardMeters(MeterRegistry registry) implements BoardMeters {

  @Override
  public Counter changes(String board) {
    return registry.counter("changes", "board", board);
  }

  @Override
  public Counter broadcasts(String board) {
    return registry.counter("broadcasts", "board", board);
  }
}
