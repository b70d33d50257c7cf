package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.RankChange;
import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBufHolder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Builds top-N states and reads frames in tests. */
public final class Tops {

  private Tops() {}

  /** A top N whose entries are {@code users} in order, each with a score below the previous. */
  public static TopNChanged top(String board, String season, long seq, String... users) {
    List<LeaderboardEntry> entries = new ArrayList<>();
    List<RankChange> changes = new ArrayList<>();
    for (int i = 0; i < users.length; i++) {
      entries.add(new LeaderboardEntry(i + 1, users[i], "Name " + users[i], 1000L - i * 10L));
      changes.add(new RankChange(users[i], null, i + 1));
    }
    return new TopNChanged(
        board, season, seq, entries, changes, Instant.parse("2026-11-24T10:15:30Z"));
  }

  /** The JSON of a text frame, releasing it. */
  public static JsonNode json(Object frame) {
    try {
      return EventJson.fromJson(((TextWebSocketFrame) frame).text(), JsonNode.class);
    } finally {
      ((ByteBufHolder) frame).release();
    }
  }
}
