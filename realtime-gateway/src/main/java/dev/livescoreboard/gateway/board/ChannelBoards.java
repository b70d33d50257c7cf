package dev.livescoreboard.gateway.board;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boards one connection watches, what it was last sent of each ({@link BoardCursor}), and which
 * of them it missed an update of while it was slow. Its size is bounded by the subscription limit,
 * so a slow client costs at most one flag per board instead of a queue of frames. Touched only on
 * the channel's event loop (subscriptions, SNAPSHOTs, broadcast writes and catch-ups all run
 * there).
 */
public final class ChannelBoards {

  private static final AttributeKey<ChannelBoards> KEY = AttributeKey.valueOf("gateway.boards");

  private final Transport transport;
  // Subscribed boards in subscription order, each with what the channel was last sent of it: the
  // one check that keeps a channel's seqs growing whatever order a SNAPSHOT, broadcasts queued
  // before it, and catch-ups reach its loop in.
  private final Map<String, BoardCursor> cursors = new LinkedHashMap<>();
  private final Set<String> missed = new LinkedHashSet<>();

  private ChannelBoards(Transport transport) {
    this.transport = transport;
  }

  /** The channel's boards, created on first use for a WebSocket. */
  public static ChannelBoards of(Channel channel) {
    return of(channel, Transport.WEBSOCKET);
  }

  /**
   * The channel's boards, created on first use for {@code transport}; a channel keeps the transport
   * it was first seen with, so name it before anything else touches the channel's boards.
   */
  public static ChannelBoards of(Channel channel, Transport transport) {
    ChannelBoards boards = channel.attr(KEY).get();
    if (boards == null) {
      ChannelBoards fresh = new ChannelBoards(transport);
      boards = channel.attr(KEY).setIfAbsent(fresh);
      if (boards == null) {
        boards = fresh;
      }
    }
    return boards;
  }

  /** How this channel's messages are framed. */
  public Transport transport() {
    return transport;
  }

  public boolean isSubscribed(String board) {
    return cursors.containsKey(board);
  }

  public int count() {
    return cursors.size();
  }

  public Set<String> subscribed() {
    return Set.copyOf(cursors.keySet());
  }

  /** Subscribes to {@code board} (if not yet); returns what the channel was sent of it. */
  BoardCursor add(String board) {
    return cursors.computeIfAbsent(board, b -> new BoardCursor(transport));
  }

  boolean remove(String board) {
    missed.remove(board);
    return cursors.remove(board) != null;
  }

  /**
   * Records {@code state} as sent if the channel watches its board and was sent nothing newer or
   * equal yet, and says which of the state's messages to write ({@link BoardCursor#wireFor});
   * {@code null} means: write nothing.
   */
  ByteBuf wireFor(String board, BoardState state) {
    BoardCursor cursor = cursors.get(board);
    return cursor == null ? null : cursor.wireFor(state);
  }

  /** Records a SNAPSHOT of {@code board} ({@link BoardCursor#snapshotSent}). */
  void snapshotSent(String board, BoardState state) {
    BoardCursor cursor = cursors.get(board);
    if (cursor != null) {
      cursor.snapshotSent(state);
    }
  }

  void markMissed(String board) {
    missed.add(board);
  }

  boolean hasMissed() {
    return !missed.isEmpty();
  }

  /** The boards whose latest update is owed, forgetting them. */
  List<String> drainMissed() {
    List<String> owed = new ArrayList<>(missed);
    missed.clear();
    owed.retainAll(cursors.keySet());
    return owed;
  }
}
