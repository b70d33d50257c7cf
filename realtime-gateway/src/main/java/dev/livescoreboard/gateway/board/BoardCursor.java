package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;

/**
 * What one channel was last sent of one board it watches: the season and seq of that state, never
 * the state itself. A broadcast checks and moves it for every subscriber, so moving it writes only
 * a number (a reference only when the season changes): the garbage collector's write barrier then
 * has nothing to record about the long-lived per-channel objects, and no channel keeps a replaced
 * state alive. Created when the channel subscribes, dropped when it unsubscribes; touched only on
 * the channel's event loop.
 */
final class BoardCursor {

  private final Transport transport;
  // The season of the last real state sent; null before any (nothing, or only the stand-in of a
  // board without data, which any real state follows whatever its season).
  private String season;
  private long seq;

  BoardCursor(Transport transport) {
    this.transport = transport;
  }

  /**
   * Records {@code state} as sent if it is newer than the last one and says which of its messages
   * to write: its {@code SNAPSHOT} when it is of another season than the last message (a new season
   * started), else its update; {@code null} means: write nothing.
   */
  ByteBuf wireFor(BoardState state) {
    TopNChanged top = state.top();
    String previous = season;
    if (previous != null && !BoardState.isNewer(top, previous, seq)) {
      return null;
    }
    seq = top.seq();
    if (previous != null && previous.equals(top.season())) {
      return state.updateWire(transport);
    }
    season = top.season();
    return previous == null ? state.updateWire(transport) : state.snapshotWire(transport);
  }

  /**
   * Records a SNAPSHOT: the latest state, which the client takes whatever it had. A board without
   * data counts as nothing sent, so its first real state goes out as an update whatever its season.
   */
  void snapshotSent(BoardState state) {
    season = state.isPlaceholder() ? null : state.top().season();
    seq = state.top().seq();
  }
}
