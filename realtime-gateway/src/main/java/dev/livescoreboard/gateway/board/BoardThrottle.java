package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The leading-edge broadcast throttle of one board. The first change after a quiet interval is
 * broadcast at once; changes within {@code interval} of a broadcast are coalesced into one trailing
 * broadcast of the latest state when the interval ends. Every decision and every broadcast runs on
 * the board's one event loop, so broadcasts of a board never overlap and their seqs only grow.
 *
 * <p>{@link #changed()} is called from any thread and allocates nothing: the tasks are created
 * once, and a change that finds a wake-up or a trailing broadcast already pending only counts.
 */
final class BoardThrottle {

  private final EventExecutor loop;
  private final long intervalNanos;
  private final Supplier<BoardState> latest;
  private final Consumer<BoardState> fanOut;
  private final Counter changes;
  private final Counter broadcasts;
  private final AtomicBoolean signalled = new AtomicBoolean();
  private final Runnable onSignal = this::onSignal;
  private final Runnable onTrailingEdge = this::onTrailingEdge;
  // Written on the loop only; read by changed() to skip needless wake-ups.
  private volatile boolean trailingScheduled;
  // Loop only.
  private BoardState lastSent;
  private long lastBroadcastNanos;

  /**
   * @param latest the board's newest state, or {@code null} if it has none
   * @param fanOut sends a state to the board's subscribers; called on {@code loop}
   */
  BoardThrottle(
      EventExecutor loop,
      Duration interval,
      Supplier<BoardState> latest,
      Consumer<BoardState> fanOut,
      Counter changes,
      Counter broadcasts) {
    this.loop = loop;
    this.intervalNanos = interval.toNanos();
    this.latest = latest;
    this.fanOut = fanOut;
    this.changes = changes;
    this.broadcasts = broadcasts;
  }

  /** A newer state was stored; call after storing it. Any thread. */
  void changed() {
    changes.increment();
    // The trailing broadcast reads the latest state after clearing the flag, so this one is in it.
    if (trailingScheduled) {
      return;
    }
    if (signalled.compareAndSet(false, true)) {
      loop.execute(onSignal);
    }
  }

  private void onSignal() {
    signalled.set(false);
    if (trailingScheduled) {
      return;
    }
    long now = loop.ticker().nanoTime();
    long sinceLast = now - lastBroadcastNanos;
    if (lastSent == null || sinceLast >= intervalNanos) {
      broadcastLatest(now);
    } else {
      trailingScheduled = true;
      loop.schedule(onTrailingEdge, intervalNanos - sinceLast, TimeUnit.NANOSECONDS);
    }
  }

  private void onTrailingEdge() {
    trailingScheduled = false;
    broadcastLatest(loop.ticker().nanoTime());
  }

  private void broadcastLatest(long now) {
    BoardState state = latest.get();
    if (state == null || state == lastSent) {
      return;
    }
    lastSent = state;
    lastBroadcastNanos = now;
    broadcasts.increment();
    fanOut.accept(state);
  }
}
