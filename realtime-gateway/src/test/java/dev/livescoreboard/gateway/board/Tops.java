package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.RankChange;
import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufHolder;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Builds top-N states and reads frames in tests. */
public final class Tops {

  private Tops() {}

  /**
   * A top N whose entries are {@code users} in order, each with a score below the previous, of a
   * board that ranks just them.
   */
  public static TopNChanged top(String board, String season, long seq, String... users) {
    List<LeaderboardEntry> entries = new ArrayList<>();
    List<RankChange> changes = new ArrayList<>();
    for (int i = 0; i < users.length; i++) {
      entries.add(new LeaderboardEntry(i + 1, users[i], "Name " + users[i], 1000L - i * 10L));
      changes.add(new RankChange(users[i], null, i + 1));
    }
    return new TopNChanged(
        board,
        season,
        seq,
        users.length,
        entries,
        changes,
        Instant.parse("2026-11-24T10:15:30Z"),
        null);
  }

  /** {@code top} as caused by a score change of the trace {@code traceId}. */
  public static TopNChanged traced(TopNChanged top, String traceId) {
    return new TopNChanged(
        top.board(),
        top.season(),
        top.seq(),
        top.totalUsers(),
        top.entries(),
        top.changes(),
        top.sourceCommittedAt(),
        traceId);
  }

  /**
   * The JSON of what a channel was sent, releasing it: a text frame, or a complete encoded frame
   * (pre-encoded broadcasts), which is read back with Netty's client-side frame decoder.
   */
  public static JsonNode json(Object sent) {
    if (sent instanceof ByteBuf wire) {
      return EventJson.fromJson(text(wire), JsonNode.class);
    }
    try {
      return EventJson.fromJson(((TextWebSocketFrame) sent).text(), JsonNode.class);
    } finally {
      ((ByteBufHolder) sent).release();
    }
  }

  /** The text of the one complete WebSocket text frame in {@code wire}, releasing it. */
  public static String text(ByteBuf wire) {
    // A client expects unmasked frames from a server; no extensions are negotiated here.
    EmbeddedChannel client =
        new EmbeddedChannel(new WebSocket13FrameDecoder(false, false, 1 << 20));
    try {
      client.writeInbound(wire);
      TextWebSocketFrame frame = client.readInbound();
      try {
        if (client.inboundMessages().size() > 0) {
          throw new AssertionError("more than one frame in " + wire);
        }
        return frame.text();
      } finally {
        frame.release();
      }
    } finally {
      client.finishAndReleaseAll();
    }
  }
}
