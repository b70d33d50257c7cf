package dev.livescoreboard.command.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The purge of published outbox rows ({@code scoreboard.outbox.purge.*}).
 *
 * @param retention how long a published row is kept (for inspection) before it is deleted
 * @param interval how often the purge runs
 * @param batchSize rows one DELETE removes at most
 */
@ConfigurationProperties("scoreboard.outbox.purge")
record OutboxPurgeSettings(Duration retention, Duration interval, int batchSize) {

  OutboxPurgeSettings {
    if (retention == null || retention.isNegative()) {
      throw new IllegalArgumentException("scoreboard.outbox.purge.retention must be >= 0");
    }
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("scoreboard.outbox.purge.interval must be > 0");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("scoreboard.outbox.purge.batch-size must be >= 1");
    }
  }
}
