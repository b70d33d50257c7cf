package dev.livescoreboard.gateway.board;

import io.micrometer.core.instrument.Counter;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Which channels watch which board, and the fan-out of one update to all of them. A channel that is
 * not writable is skipped and remembered instead of queued (it gets the latest state once it
 * drains), so one slow client never delays the others nor grows memory.
 */
final class BoardSubscribers {

  private final ConcurrentMap<String, ChannelGroup> groups = new ConcurrentHashMap<>();
  private final Counter delivered;
  private final Counter conflated;
  private final Consumer<Channel> owedUpdate;

  /**
   * @param owedUpdate called (on any thread) when a skipped channel is writable again already, so
   *     its owed update is sent even though no writability change will announce it
   */
  BoardSubscribers(Counter delivered, Counter conflated, Consumer<Channel> owedUpdate) {
    this.delivered = delivered;
    this.conflated = conflated;
    this.owedUpdate = owedUpdate;
  }

  /** Adds {@code channel} to the board's group; call on the channel's event loop. */
  void add(String board, Channel channel) {
    ChannelBoards.of(channel).add(board);
    groups.compute(
        board,
        (b, group) -> {
          ChannelGroup g =
              group != null ? group : new DefaultChannelGroup(b, GlobalEventExecutor.INSTANCE);
          g.add(channel);
          return g;
        });
  }

  /** Removes {@code channel} from the board's group; call on the channel's event loop. */
  void remove(String board, Channel channel) {
    ChannelBoards.of(channel).remove(board);
    groups.computeIfPresent(
        board,
        (b, group) -> {
          group.remove(channel);
          return group.isEmpty() ? null : group;
        });
  }

  void removeAll(Channel channel) {
    for (String board : ChannelBoards.of(channel).subscribed()) {
      remove(board, channel);
    }
  }

  /** Sends the state's update to every writable subscriber; returns how many got it. */
  int broadcast(BoardState state) {
    String board = state.top().board();
    ChannelGroup group = groups.get(board);
    if (group == null) {
      return 0;
    }
    AtomicInteger sent = new AtomicInteger();
    group.writeAndFlush(
        state.updateFrame(),
        channel -> {
          if (channel.isWritable()) {
            sent.incrementAndGet();
            return true;
          }
          skip(board, channel);
          return false;
        });
    delivered.increment(sent.get());
    return sent.get();
  }

  /** Whether {@code board} has at least one subscriber (groups are dropped when they empty). */
  boolean hasAny(String board) {
    return groups.containsKey(board);
  }

  Set<String> boards() {
    return Set.copyOf(groups.keySet());
  }

  private void skip(String board, Channel channel) {
    conflated.increment();
    ChannelBoards.of(channel).markMissed(board);
    // It may have drained between the check and the mark; then no writability event follows.
    if (channel.isWritable()) {
      owedUpdate.accept(channel);
    }
  }
}
