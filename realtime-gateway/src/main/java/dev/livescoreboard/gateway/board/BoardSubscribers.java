package dev.livescoreboard.gateway.board;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which channels watch which board, grouped by the event loop they live on, and the fan-out of one
 * state to them: one task per event loop per broadcast (see {@link Delivery}), not one per channel.
 */
final class BoardSubscribers {

  private static final LoopSubscribers[] NO_LOOPS = new LoopSubscribers[0];

  private final ConcurrentMap<String, Map<EventLoop, LoopSubscribers>> boards =
      new ConcurrentHashMap<>();
  private final Delivery delivery;
  private final BoardMeters meters;

  BoardSubscribers(Delivery delivery, BoardMeters meters) {
    this.delivery = delivery;
    this.meters = meters;
  }

  /** Adds {@code channel} to the board's subscribers; call on the channel's event loop. */
  void add(String board, Channel channel) {
    BoardCursor cursor = ChannelBoards.of(channel).add(board);
    // compute() makes adding and dropping a board's last subscriber atomic; each loop's set is
    // only ever touched by its own loop, which is the one calling here.
    boards.compute(
        board,
        (b, loops) -> {
          Map<EventLoop, LoopSubscribers> byLoop =
              loops != null ? loops : new ConcurrentHashMap<>();
          byLoop
              .computeIfAbsent(channel.eventLoop(), loop -> new LoopSubscribers(b, loop, delivery))
              .add(channel, cursor);
          return byLoop;
        });
  }

  /** Removes {@code channel} from the board's subscribers; call on the channel's event loop. */
  void remove(String board, Channel channel) {
    ChannelBoards.of(channel).remove(board);
    boards.computeIfPresent(
        board,
        (b, byLoop) -> {
          LoopSubscribers subscribers = byLoop.get(channel.eventLoop());
          if (subscribers != null && subscribers.remove(channel)) {
            byLoop.remove(channel.eventLoop());
          }
          return byLoop.isEmpty() ? null : byLoop;
        });
  }

  void removeAll(Channel channel) {
    for (String board : ChannelBoards.of(channel).subscribed()) {
      remove(board, channel);
    }
  }

  /**
   * Sends the state's update to the board's subscribers, one task per event loop, timed from here
   * to the last loop's flush. The other loops' tasks are queued first and the calling loop's own
   * subscribers written last, so every loop writes at the same time: delivering to its own first
   * would queue the others only once it is done, one loop after the other.
   */
  void broadcast(BoardState state) {
    Map<EventLoop, LoopSubscribers> byLoop = boards.get(state.top().board());
    if (byLoop == null) {
      return;
    }
    // A snapshot of the loops: one joining or leaving meanwhile must not upset the count.
    LoopSubscribers[] loops = byLoop.values().toArray(NO_LOOPS);
    BroadcastTiming timing = new BroadcastTiming(loops.length, state, meters);
    for (LoopSubscribers subscribers : loops) {
      if (!subscribers.isCurrentLoop()) {
        subscribers.queue(state, timing);
      }
    }
    for (LoopSubscribers subscribers : loops) {
      if (subscribers.isCurrentLoop()) {
        subscribers.deliver(state, timing);
      }
    }
  }

  /** Whether {@code board} has at least one subscriber (boards are dropped when they empty). */
  boolean hasAny(String board) {
    return boards.containsKey(board);
  }

  Set<String> boards() {
    return Set.copyOf(boards.keySet());
  }
}
