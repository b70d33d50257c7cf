package dev.livescoreboard.events;

import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.databind.JsonNode;

/**
 * Kafka value deserializer for {@link Topics#SCORE_EVENTS}: reads the JSON {@code type} and maps
 * the value to that type's record. A value without a known {@code type} is an {@link
 * IllegalArgumentException} naming it, so a consumer dead-letters it instead of guessing.
 */
public final class ScoreboardEventDeserializer implements Deserializer<ScoreboardEvent> {

  @Override
  public ScoreboardEvent deserialize(String topic, byte[] data) {
    return data == null ? null : read(data);
  }

  /** The event {@code json} holds. */
  public static ScoreboardEvent read(byte[] json) {
    JsonNode node = EventJson.fromBytes(json, JsonNode.class);
    JsonNode type = node == null ? null : node.get("type");
    String name = type == null || !type.isString() ? null : type.asString();
    if (name == null) {
      throw new IllegalArgumentException("event without a string type");
    }
    return switch (name) {
      case ScoreChanged.TYPE -> EventJson.fromTree(node, ScoreChanged.class);
      case BoardDefined.TYPE -> EventJson.fromTree(node, BoardDefined.class);
      case EntryChanged.TYPE -> EventJson.fromTree(node, EntryChanged.class);
      case SeasonStarted.TYPE -> EventJson.fromTree(node, SeasonStarted.class);
      default -> throw new IllegalArgumentException("unknown event type: " + name);
    };
  }
}
