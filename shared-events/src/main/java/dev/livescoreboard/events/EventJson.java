package dev.livescoreboard.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON form of the contracts. Unknown properties are ignored when reading so that consumers
 * keep working when a later minor schema version adds fields.
 */
public final class EventJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private EventJson() {}

  public static byte[] toBytes(Object event) {
    return MAPPER.writeValueAsBytes(event);
  }

  public static String toJson(Object event) {
    return MAPPER.writeValueAsString(event);
  }

  public static <T> T fromBytes(byte[] json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }

  public static <T> T fromTree(tools.jackson.databind.JsonNode json, Class<T> type) {
    return MAPPER.treeToValue(json, type);
  }

  public static <T> T fromJson(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
