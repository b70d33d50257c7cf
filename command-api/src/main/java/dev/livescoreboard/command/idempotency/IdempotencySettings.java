package dev.livescoreboard.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code Idempotency-Key} handling ({@code scoreboard.idempotency.*}).
 *
 * @param ttl how long a key's response is kept and replayed (SPEC: 24 h); older rows are ignored
 *     and purged
 * @param purgeInterval how often expired keys are deleted
 * @param purgeBatchSize keys one DELETE removes at most
 */
@ConfigurationProperties("scoreboard.idempotency")
record IdempotencySettings(Duration ttl, Duration purgeInterval, int purgeBatchSize) {

  IdempotencySettings {
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("scoreboard.idempotency.ttl must be > 0");
    }
    if (purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()) {
      throw new IllegalArgumentException("scoreboard.idempotency.purge-interval must be > 0");
    }
    if (purgeBatchSize < 1) {
      throw new IllegalArgumentException("scoreboard.idempotency.purge-batch-size must be >= 1");
    }
  }
}
