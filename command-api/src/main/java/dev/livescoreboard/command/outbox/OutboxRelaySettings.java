package dev.livescoreboard.command.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay ({@code scoreboard.outbox.relay.*}).
 *
 * @param enabled whether this instance polls the outbox (several may; one publishes at a time)
 * @param pollInterval pause between polls when the outbox is drained
 * @param batchSize rows per transaction; bounds how long one transaction holds the relay lock
 * @param sendTimeout how long to wait for Kafka to acknowledge a batch before rolling back
 * @param failureBackoff pause after a failed batch so a broken dependency is not hammered
 */
@ConfigurationProperties("scoreboard.outbox.relay")
record OutboxRelaySettings(
    boolean enabled,
    Duration pollInterval,
    int batchSize,
    Duration sendTimeout,
    Duration failureBackoff) {

  OutboxRelaySettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("scoreboard.outbox.relay.batch-size must be >= 1");
    }
  }
}
