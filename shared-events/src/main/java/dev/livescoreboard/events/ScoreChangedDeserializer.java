package dev.livescoreboard.events;

import org.apache.kafka.common.serialization.Deserializer;

/** Kafka value deserializer for {@link ScoreChanged}: UTF-8 JSON. */
public final class ScoreChangedDeserializer implements Deserializer<ScoreChanged> {

  @Override
  public ScoreChanged deserialize(String topic, byte[] data) {
    return data == null ? null : EventJson.fromBytes(data, ScoreChanged.class);
  }
}
