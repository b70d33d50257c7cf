package dev.livescoreboard.gateway.board;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boards one connection watches, the state of each it was last sent, and which of them it
 * missed an update of while it was slow. Its size is bounded by the subscription limit, so a slow
 * client costs at most one flag per board instead of a queue of frames. Touched only on the
 * channel's event loop (subscriptions, SNAPSHOTs, broadcast writes and catch-ups all run there).
 */
public final class ChannelBoards {

  private static final AttributeKey<ChannelBoards> KEY = AttributeKey.valueOf("gateway.boards");

  private final Transport transport;
  private final Set<String> subscribed = new LinkedHashSet<>();
  // The last state written per board; the one check that keeps a channel's seqs growing whatever
  // order a SNAPSHOT, broadcasts queued before it, and catch-ups reach its loop in.
  private final Map<String, BoardState> sent = new HashMap<>();
  // The season of the last real state written per board: a state of another season goes out as a
  // SNAPSHOT, since the client's entries belong to the old one.
  private final Map<String, String> seasons = new HashMap<>();
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
    sent.remove(board);
    seasons.remove(board);
    return subscribed.remove(board);
  }

  /**
   * Records {@code state} as sent if the channel watches its board and was sent nothing newer or
   * equal yet; false means: do not write it.
   */
  boolean offer(String board, BoardState state) {
    BoardState last = sent.get(board);
    if (last != null ? !last.isSupersededBy(state.top()) : !subscribed.contains(board)) {
      return false;
    }
    sent.put(board, state);
    return true;
  }

  /**
   * {@link #offer}, and which of the state's messages to write: its {@code SNAPSHOT} when it is of
   * another season than the last message written to this channel for the board (a new season
   * started), else its update; {@code null} means: write nothing.
   */
  ByteBuf wireFor(String board, BoardState state) {
    if (!offer(board, state)) {
      return null;
    }
    String season = state.top().season();
    String previous = seasons.put(board, season);
    return previous != null && !previous.equals(season)
        ? state.snapshotWire(transport)
        : state.updateWire(transport);
  }

  /**
   * Records a SNAPSHOT: the latest state, which the client takes whatever it had. A board without
   * data counts as nothing sent, so its first real state goes out whatever its season is.
   */
  void snapshotSent(String board, BoardState state) {
    if (subscribed.contains(board)) {
      sent.put(board, state.isPlaceholder() ? null : state);
      if (state.isPlaceholder()) {
        // Its season is made up: the first real state goes out as an update, whatever its season.
        seasons.remove(board);
      } else {
        seasons.put(board, state.top().season());
      }
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
    owed.retainAll(subscribed);
    return owed;
  }
}
