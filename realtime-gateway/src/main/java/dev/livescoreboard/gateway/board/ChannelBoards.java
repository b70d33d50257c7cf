package dev.livescoreboard.gateway.board;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The boards one connection watches, and which of them it missed an update of while it was slow.
 * Its size is bounded by the subscription limit, so a slow client costs at most one flag per board
 * instead of a queue of frames.
 */
public final class ChannelBoards {

  private static final AttributeKey<ChannelBoards> KEY = AttributeKey.valueOf("gateway.boards");

  // Touched only on the channel's event loop.
  private final Set<String> subscribed = new LinkedHashSet<>();
  // Marked by the broadcasting thread, drained on the event loop.
  private final Set<String> missed = ConcurrentHashMap.newKeySet();

  /** The channel's boards, created on first use. */
  public static ChannelBoards of(Channel channel) {
    ChannelBoards boards = channel.attr(KEY).get();
    if (boards == null) {
      ChannelBoards fresh = new ChannelBoards();
      boards = channel.attr(KEY).setIfAbsent(fresh);
      if (boards == null) {
        boards = fresh;
      }
    }
    return boards;
  }

  public boolean isSubscribed(String board) {
    return subscribed.contains(board);
  }

  public int count() {
    return subscribed.size();
  }

  public Set<String> subscribed() {
    return Set.copyOf(subscribed);
  }

  boolean add(String board) {
    return subscribed.add(board);
  }

  boolean remove(String board) {
    missed.remove(board);
    return subscribed.remove(board);
  }

  void markMissed(String board) {
    missed.add(board);
  }

  boolean hasMissed() {
    return !missed.isEmpty();
  }

  /** The boards whose latest update is owed, forgetting them. */
  List<String> drainMissed() {
    List<String> owed = new ArrayList<>();
    for (String board : missed) {
      if (missed.remove(board) && subscribed.contains(board)) {
        owed.add(board);
      }
    }
    return owed;
  }
}
