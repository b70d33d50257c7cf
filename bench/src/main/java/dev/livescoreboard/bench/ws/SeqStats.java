package dev.livescoreboard.bench.ws;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The receipts of one update ({@code seq}) across the clients of one process. Thread-safe. */
final class SeqStats {

  final long committedMicros;
  private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final LongAdder count = new LongAdder();

  SeqStats(long committedMicros) {
    this.committedMicros = committedMicros;
  }

  void received(long micros) {
    first.accumulate(micros);
    last.accumulate(micros);
    count.increment();
  }

  /** {@code committed first last count}, the line format children report. */
  long[] snapshot() {
    return new long[] {committedMicros, first.get(), last.get(), count.sum()};
  }
}
