package dev.livescoreboard.gateway.board;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One board's subscribers that live on one event loop. Confined to that loop: channels join and
 * leave on it, and every broadcast to them runs there as one task, so the set needs no locks.
 */
final class LoopSubscribers {

  private static final Channel[] NONE = new Channel[0];
  private static final BoardCursor[] NO_CURSORS = new BoardCursor[0];

  private final String board;
  private final EventLoop loop;
  private final Delivery delivery;
  // Each channel with its cursor of this board, so a broadcast needs no per-channel lookup.
  private final Map<Channel, BoardCursor> channels = new LinkedHashMap<>();
  // What broadcasts iterate: rebuilt after a change, so a write that closes a channel (and leaves
  // the map) cannot disturb the loop over it.
  private Channel[] members = NONE;
  private BoardCursor[] cursors = NO_CURSORS;
  private boolean changed;

  LoopSubscribers(String board, EventLoop loop, Delivery delivery) {
    this.board = board;
    this.loop = loop;
    this.delivery = delivery;
  }

  /** Call on the loop; {@code cursor} is what the channel was sent of this board. */
  void add(Channel channel, BoardCursor cursor) {
    changed |= channels.put(channel, cursor) != cursor;
  }

  /** Call on the loop; returns whether no channel is left. */
  boolean remove(Channel channel) {
    changed |= channels.remove(channel) != null;
    return channels.isEmpty();
  }

  /** Whether the calling thread is these subscribers' loop. */
  boolean isCurrentLoop() {
    return loop.inEventLoop();
  }

  /** Sends {@code state} to these subscribers in one task queued on their loop. Any thread. */
  void queue(BoardState state, BroadcastTiming timing) {
    loop.execute(() -> deliver(state, timing));
  }

  /** Sends {@code state} to these subscribers now. Call on their loop. */
  void deliver(BoardState state, BroadcastTiming timing) {
    if (changed) {
      members = channels.keySet().toArray(NONE);
      cursors = channels.values().toArray(NO_CURSORS);
      changed = false;
    }
    try {
      delivery.deliver(board, state, members, cursors);
    } finally {
      timing.loopDone();
    }
  }
}
