package dev.livescoreboard.projector.kafka;

import dev.livescoreboard.events.Topics;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The consumed topic and how failures are retried.
 *
 * @param topic the score-events topic ({@code SCOREBOARD_KAFKA_TOPIC}), by default {@link
 *     Topics#SCORE_EVENTS}
 * @param group the consumer group; all projector instances share it
 * @param concurrency listener threads per instance (at most the number of partitions is useful)
 * @param retry back-off between attempts of a failing event; attempts are unlimited because the
 *     usual cause is Redis being unreachable, and skipping an event would corrupt the read model
 * @param healthTimeout how long the health check waits for the broker before it reports DOWN
 */
@ConfigurationProperties("scoreboard.kafka")
record KafkaSettings(
    @DefaultValue(Topics.SCORE_EVENTS) String topic,
    String group,
    int concurrency,
    Retry retry,
    Duration healthTimeout) {

  static final String DEAD_LETTER_SUFFIX = ".DLT";

  KafkaSettings {
    if (topic == null || topic.isBlank()) {
      throw new IllegalArgumentException("scoreboard.kafka.topic must be set");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("scoreboard.kafka.concurrency must be >= 1");
    }
  }

  /** Where poison records go: {@code <topic>.DLT}. */
  String deadLetterTopic() {
    return topic + DEAD_LETTER_SUFFIX;
  }

  /**
   * Exponential back-off.
   *
   * @param initialInterval wait before the second attempt
   * @param multiplier growth per attempt
   * @param maxInterval the longest wait; well below {@code max.poll.interval.ms}
   */
  record Retry(Duration initialInterval, double multiplier, Duration maxInterval) {}
}
