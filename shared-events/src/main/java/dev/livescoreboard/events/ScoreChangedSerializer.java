package dev.livescoreboard.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for {@link ScoreChanged}: UTF-8 JSON. */
public final class ScoreChangedSerializer implements Serializer<ScoreChanged> {

  @Override
  public byte[] serialize(String topic, ScoreChanged event) {
    return event == null ? null : EventJson.toBytes(event);
  }
}
