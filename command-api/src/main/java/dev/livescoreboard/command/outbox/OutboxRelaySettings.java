package dev.livescoreboard.command.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay ({@code scoreboard.outbox.relay.*}).
 *
 * @param enabled whether this instance relays the outbox (several may; one publishes at a time).
 *     Without a relay, this instance's rows wait for another instance's next claim or fallback poll
 * @param fallbackPoll how often the relay looks at the outbox without being woken: the safety net
 *     for rows of an instance that died before its relay published them and for a lost wake-up
 * @param lockBusyRetry how soon a woken relay that found the lock held by another instance's relay
 *     tries again: that relay may have made its last claim before this instance's rows committed
 * @param batchSize rows per claim, sent to Kafka as one batch
 * @param rowsPerTransaction rows one transaction claims at most before it waits for their
 *     acknowledgements and commits; bounds how long it holds the relay lock and how much is sent
 *     again after a failure
 * @param sendTimeout how long to wait for Kafka to acknowledge a batch before rolling back
 * @param failureBackoff pause after a failed batch so a broken dependency is not hammered
 */
@ConfigurationProperties("scoreboard.outbox.relay")
record OutboxRelaySettings(
    boolean enabled,
    Duration fallbackPoll,
    Duration lockBusyRetry,
    int batchSize,
    int rowsPerTransaction,
    Duration sendTimeout,
    Duration failureBackoff) {

  OutboxRelaySettings {
    if (batchSize < 1) {
      throw new IllegalArgumentException("scoreboard.outbox.relay.batch-size must be >= 1");
    }
    if (rowsPerTransaction < batchSize) {
      throw new IllegalArgumentException(
          "scoreboard.outbox.relay.rows-per-transaction must be >= batch-size");
    }
    if (fallbackPoll == null || fallbackPoll.isNegative() || fallbackPoll.isZero()) {
      throw new IllegalArgumentException("scoreboard.outbox.relay.fallback-poll must be > 0");
    }
    if (lockBusyRetry == null || lockBusyRetry.isNegative() || lockBusyRetry.isZero()) {
      throw new IllegalArgumentException("scoreboard.outbox.relay.lock-busy-retry must be > 0");
    }
  }
}
