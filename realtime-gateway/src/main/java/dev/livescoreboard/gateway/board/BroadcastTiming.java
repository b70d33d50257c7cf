package dev.livescoreboard.gateway.board;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Times one broadcast of one state across the event loops that write it: the last loop to finish
 * its writes and flushes reports it ({@link BoardMeters#broadcastWritten}). One object per
 * broadcast, none per subscriber; any thread.
 */
final class BroadcastTiming {

  private final long startNanos = System.nanoTime();
  private final AtomicInteger pendingLoops;
  private final BoardState state;
  private final BoardMeters meters;

  BroadcastTiming(int loops, BoardState state, BoardMeters meters) {
    this.pendingLoops = new AtomicInteger(loops);
    this.state = state;
    this.meters = meters;
  }

  /** One loop has written the state to its subscribers. */
  void loopDone() {
    if (pendingLoops.decrementAndGet() == 0) {
      // Only a state caused by a traced score change is one end of the pipeline's latency; a
      // rebuild's or a season start's commit time says nothing about how fast a change travels.
      meters.broadcastWritten(
          System.nanoTime() - startNanos,
          state.top().traceId() == null ? null : state.top().sourceCommittedAt());
    }
  }
}
