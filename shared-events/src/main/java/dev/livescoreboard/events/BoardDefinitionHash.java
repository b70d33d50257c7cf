package dev.livescoreboard.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The fields of {@link LeaderboardKeys#definition(String)}: one field per component of the board's
 * latest {@link BoardDefined}, so the projector (writer) and the gateway (reader) agree on one
 * layout. The projector's scripts read {@link #VERSION} (idempotent apply) and {@link #TOP_N} (the
 * board's top-N size).
 */
public final class BoardDefinitionHash {

  public static final String VERSION = "boardVersion";
  public static final String TOP_N = "topN";

  private BoardDefinitionHash() {}

  /** The hash fields of {@code event}, in a stable order. */
  public static Map<String, String> fields(BoardDefined event) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("schemaVersion", Integer.toString(event.schemaVersion()));
    fields.put("eventId", event.eventId().toString());
    fields.put("board", event.board());
    fields.put("title", event.title());
    fields.put("scoreCap", Long.toString(event.scoreCap()));
    fields.put(TOP_N, Integer.toString(event.topN()));
    fields.put("resetSchedule", event.resetSchedule());
    fields.put("currentSeason", event.currentSeason());
    fields.put(VERSION, Long.toString(event.boardVersion()));
    fields.put("definedAt", event.definedAt().toString());
    return fields;
  }

  /**
   * The definition a hash holds.
   *
   * @throws IllegalArgumentException if {@code fields} is not a complete, valid definition
   */
  public static BoardDefined parse(Map<String, String> fields) {
    try {
      return new BoardDefined(
          Integer.parseInt(fields.get("schemaVersion")),
          UUID.fromString(fields.get("eventId")),
          BoardDefined.TYPE,
          fields.get("board"),
          fields.get("title"),
          Long.parseLong(fields.get("scoreCap")),
          Integer.parseInt(fields.get(TOP_N)),
          fields.get("resetSchedule"),
          fields.get("currentSeason"),
          Long.parseLong(fields.get(VERSION)),
          Instant.parse(fields.get("definedAt")));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a board definition: " + fields, e);
    }
  }
}
