package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.RankChange;
import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Instant;
import java.util.List;

/**
 * The latest top N of one board, with its two WebSocket messages serialized once. Every frame made
 * from it shares the same bytes: the buffers are unreleasable, so Netty's per-channel retain and
 * release never free them and the garbage collector reclaims them once the state is replaced.
 */
public final class BoardState {

  private final TopNChanged top;
  private final ByteBuf snapshotJson;
  private final ByteBuf updateJson;

  private BoardState(TopNChanged top) {
    this.top = top;
    this.snapshotJson =
        shared(
            new SnapshotMessage("SNAPSHOT", top.board(), top.season(), top.seq(), top.entries()));
    this.updateJson =
        shared(
            new UpdateMessage(
                "LEADERBOARD_UPDATE",
                top.board(),
                top.season(),
                top.seq(),
                top.entries(),
                top.changes(),
                top.sourceCommittedAt()));
  }

  public static BoardState of(TopNChanged top) {
    return new BoardState(top);
  }

  /** What a board without any score looks like. */
  public static BoardState empty(String board) {
    return new BoardState(new TopNChanged(board, BoardIds.ALL_TIME, 0, List.of(), List.of(), null));
  }

  public TopNChanged top() {
    return top;
  }

  /**
   * Whether {@code next} is newer: a later season (season ids sort by time) or, in the same season,
   * a higher seq. Anything else is a replay or arrived out of order.
   */
  public boolean isSupersededBy(TopNChanged next) {
    int seasonOrder = next.season().compareTo(top.season());
    return seasonOrder > 0 || (seasonOrder == 0 && next.seq() > top.seq());
  }

  /** A new {@code SNAPSHOT} frame over the shared bytes. */
  public TextWebSocketFrame snapshotFrame() {
    return new TextWebSocketFrame(snapshotJson.duplicate());
  }

  /** A new {@code LEADERBOARD_UPDATE} frame over the shared bytes. */
  public TextWebSocketFrame updateFrame() {
    return new TextWebSocketFrame(updateJson.duplicate());
  }

  private static ByteBuf shared(Object message) {
    return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(EventJson.toBytes(message)));
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
      Instant sourceCommittedAt) {}
}
