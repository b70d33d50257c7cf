package dev.livescoreboard.bench.ws;

import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The receipts of one update ({@code seq}) across the clients of one process. Thread-safe.
 *
 * @see ChildReport the line format of {@link #snapshot()}
 */
final class SeqStats {

  /** No {@code sentAt} in the frame (a gateway that does not send it). */
  static final long NOT_SENT = 0;

  final long committedMicros;
  final long sentMicros;
  private final LongAccumulator first = new LongAccumulator(Math::min, Long.MAX_VALUE);
  private final LongAccumulator last = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final LongAdder count = new LongAdder();

  /**
   * @param committedMicros the update's {@code sourceCommittedAt}
   * @param sentMicros its {@code sentAt}, or {@link #NOT_SENT}
   */
  SeqStats(long committedMicros, long sentMicros) {
    this.committedMicros = committedMicros;
    this.sentMicros = sentMicros;
  }

  void received(long micros) {
    first.accumulate(micros);
    last.accumulate(micros);
    count.increment();
  }

  /** {@code committed sent first last count}, the line format children report. */
  long[] snapshot() {
    return new long[] {committedMicros, sentMicros, first.get(), last.get(), count.sum()};
  }
}
