package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.RankChange;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
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
  // When this state's update was first encoded, i.e. when its first broadcast (or catch-up) began
  // writing; set once, so every encoding, whichever transport or racing thread, carries the same.
  private final AtomicReference<Instant> sentAt = new AtomicReference<>();
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
    return isNewer(next, top.season(), top.seq());
  }

  /** Whether {@code next} is newer than the state of {@code season} and {@code seq}. */
  static boolean isNewer(TopNChanged next, String season, long seq) {
    // Checked per subscriber on every broadcast: the same season (nearly always) needs no parsing.
    if (next.season().equals(season)) {
      return next.seq() > seq;
    }
    int seasonOrder = Seasons.BY_START.compare(next.season(), season);
    return seasonOrder > 0 || (seasonOrder == 0 && next.seq() > seq);
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
    ByteBuf wire = snapshotWires.get(transport.ordinal());
    return (wire != null ? wire : encode(snapshotWires, transport, "snapshot", snapshot))
        .duplicate();
  }

  /**
   * A duplicate of the complete {@code LEADERBOARD_UPDATE} message's bytes for {@code transport}.
   */
  ByteBuf updateWire(Transport transport) {
    ByteBuf wire = updateWires.get(transport.ordinal());
    if (wire == null) {
      sentAt.compareAndSet(null, Instant.now());
      UpdateMessage update =
          new UpdateMessage(
              "LEADERBOARD_UPDATE",
              top.board(),
              top.season(),
              top.seq(),
              top.entries(),
              top.changes(),
              top.sourceCommittedAt(),
              top.traceId(),
              sentAt.get());
      wire = encode(updateWires, transport, "update", update);
    }
    return wire.duplicate();
  }

  private ByteBuf encode(
      AtomicReferenceArray<ByteBuf> wires, Transport transport, String event, Object message) {
    ByteBuf wire = transport.encode(event, top.seq(), EventJson.toBytes(message));
    wires.set(transport.ordinal(), wire);
    return wire;
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
      String traceId,
      Instant sentAt) {}
}
