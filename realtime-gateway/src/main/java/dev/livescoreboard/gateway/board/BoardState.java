package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.RankChange;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The latest top N of one board, with its two messages ({@code SNAPSHOT}, {@code
 * LEADERBOARD_UPDATE}). Each message is encoded once per {@link Transport}, on first use (a state
 * the broadcast throttle coalesces away never is), and every subscriber of that transport is sent a
 * duplicate of the same bytes: the buffers are unreleasable, so Netty's per-channel release never
 * frees them and the garbage collector reclaims them once the state is replaced. Safe for any
 * thread.
 */
public final class BoardState {

  private final TopNChanged top;
  private final boolean placeholder;
  private final SnapshotMessage snapshot;
  private final UpdateMessage update;
  // Encoded lazily, per transport. Two threads may race to encode; both results are equal, either
  // one is kept.
  private final AtomicReferenceArray<ByteBuf> snapshotWires =
      new AtomicReferenceArray<>(Transport.values().length);
  private final AtomicReferenceArray<ByteBuf> updateWires =
      new AtomicReferenceArray<>(Transport.values().length);

  private BoardState(TopNChanged top, boolean placeholder) {
    this.top = top;
    this.placeholder = placeholder;
    this.snapshot =
        new SnapshotMessage("SNAPSHOT", top.board(), top.season(), top.seq(), top.entries());
    this.update =
        new UpdateMessage(
            "LEADERBOARD_UPDATE",
            top.board(),
            top.season(),
            top.seq(),
            top.entries(),
            top.changes(),
            top.sourceCommittedAt(),
            top.traceId());
  }

  public static BoardState of(TopNChanged top) {
    return new BoardState(top, false);
  }

  /** What a board without any score looks like. */
  public static BoardState empty(String board) {
    return new BoardState(
        new TopNChanged(board, Seasons.ALL_TIME, 0, 0, List.of(), List.of(), null, null), true);
  }

  /**
   * Whether this is {@link #empty}'s stand-in for a board without data rather than a state of the
   * read model: its season is made up, so no real state may be compared with it.
   */
  public boolean isPlaceholder() {
    return placeholder;
  }

  public TopNChanged top() {
    return top;
  }

  /**
   * Whether {@code next} is newer: a season that starts later ({@link Seasons#BY_START}) or, in the
   * same season, a higher seq. Anything else is a replay or arrived out of order.
   */
  public boolean isSupersededBy(TopNChanged next) {
    int seasonOrder = Seasons.BY_START.compare(next.season(), top.season());
    return seasonOrder > 0 || (seasonOrder == 0 && next.seq() > top.seq());
  }

  /**
   * Whether {@code next} is this state with another board size: the projector's republish when only
   * {@code totalUsers} changed (same season and seq). It replaces this state, yet is no top-N
   * change: nothing is broadcast for it.
   */
  public boolean isResizedBy(TopNChanged next) {
    return next.seq() == top.seq()
        && next.season().equals(top.season())
        && next.totalUsers() != top.totalUsers();
  }

  /** This state with the board size of {@code next} (see {@link #isResizedBy}). */
  BoardState resized(TopNChanged next) {
    return new BoardState(top.withTotalUsers(next.totalUsers()), placeholder);
  }

  /** A duplicate of the complete {@code SNAPSHOT} message's bytes for {@code transport}. */
  ByteBuf snapshotWire(Transport transport) {
    return wire(snapshotWires, transport, "snapshot", snapshot);
  }

  /**
   * A duplicate of the complete {@code LEADERBOARD_UPDATE} message's bytes for {@code transport}.
   */
  ByteBuf updateWire(Transport transport) {
    return wire(updateWires, transport, "update", update);
  }

  private ByteBuf wire(
      AtomicReferenceArray<ByteBuf> wires, Transport transport, String event, Object message) {
    ByteBuf wire = wires.get(transport.ordinal());
    if (wire == null) {
      wire = transport.encode(event, top.seq(), EventJson.toBytes(message));
      wires.set(transport.ordinal(), wire);
    }
    return wire.duplicate();
  }

  private record SnapshotMessage(
      String type, String board, String season, long seq, List<LeaderboardEntry> entries) {}

  private record UpdateMessage(
      String type,
      String board,
      String season,
      long seq,
      List<LeaderboardEntry> entries,
      List<RankChange> changes,
      Instant sourceCommittedAt,
      String traceId) {}
}
