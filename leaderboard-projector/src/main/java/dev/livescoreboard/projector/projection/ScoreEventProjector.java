package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.ScoreChanged;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Kafka listener of the score events. Returning normally lets the container commit the offset;
 * throwing hands the record to the error handler (retry, or dead-letter topic for poison).
 */
@Component
class ScoreEventProjector {

  static final String LISTENER_ID = "score-event-projector";

  private static final Logger log = LoggerFactory.getLogger(ScoreEventProjector.class);

  private final LeaderboardWriter writer;

  ScoreEventProjector(LeaderboardWriter writer) {
    this.writer = writer;
  }

  @KafkaListener(
      id = LISTENER_ID,
      groupId = "${scoreboard.kafka.group}",
      topics = "${scoreboard.kafka.topic}",
      concurrency = "${scoreboard.kafka.concurrency}")
  void onScoreChanged(ConsumerRecord<String, ScoreChanged> record) {
    if (record.value() == null) {
      // Tombstones carry no score; the topic is not compacted, so there is nothing to delete.
      log.warn("ignoring record without value at {}-{}@{}",
          record.topic(), record.partition(), record.offset());
      return;
    }
    writer.apply(record.value());
  }
}
