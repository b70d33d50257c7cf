package dev.livescoreboard.events;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every {@link ScoreboardEvent}: UTF-8 JSON of the record. */
public final class ScoreboardEventSerializer implements Serializer<ScoreboardEvent> {

  @Override
  public byte[] serialize(String topic, ScoreboardEvent event) {
    return event == null ? null : EventJson.toBytes(event);
  }
}
