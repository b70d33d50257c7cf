package dev.livescoreboard.bench.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.Optional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The top-level fields of a server message the clients need: {@code type}, {@code seq}, {@code
 * sourceCommittedAt} and {@code sentAt}. Read with a streaming parser that skips everything else
 * (the entries).
 *
 * @param type the message type, e.g. {@code LEADERBOARD_UPDATE} or {@code SNAPSHOT}
 * @param seq the board's sequence number, -1 when absent
 * @param sourceCommittedAt ISO-8601 commit time of the change, null when absent
 * @param sentAt ISO-8601 time the server began sending this state, null when absent
 */
record FrameHeader(String type, long seq, String sourceCommittedAt, String sentAt) {

  static final String UPDATE = "LEADERBOARD_UPDATE";
  static final String SNAPSHOT = "SNAPSHOT";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The header of a JSON object; empty when the frame is not one or cannot be parsed. */
  static Optional<FrameHeader> parse(ByteBuf json) {
    return parse(ByteBufUtil.getBytes(json));
  }

  /** The header of a JSON object; empty when the frame is not one or cannot be parsed. */
  static Optional<FrameHeader> parse(byte[] json) {
    String type = null;
    long seq = -1;
    String committed = null;
    String sent = null;
    try (JsonParser p = JSON.createParser(json)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "type" -> type = p.getString();
          case "seq" -> seq = value == JsonToken.VALUE_NUMBER_INT ? p.getLongValue() : -1;
          case "sourceCommittedAt" ->
              committed = value == JsonToken.VALUE_STRING ? p.getString() : null;
          case "sentAt" -> sent = value == JsonToken.VALUE_STRING ? p.getString() : null;
          default -> p.skipChildren();
        }
      }
    } catch (RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(new FrameHeader(type, seq, committed, sent));
  }

  /** A message that carries a board state ({@code SNAPSHOT} or {@code LEADERBOARD_UPDATE}). */
  boolean carriesState() {
    return seq >= 0 && (UPDATE.equals(type) || SNAPSHOT.equals(type));
  }
}
