package dev.livescoreboard.command.idempotency;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code Idempotency-Key} handling ({@code scoreboard.idempotency.*}).
 *
 * @param ttl how long a key's response is kept and replayed (SPEC: 24 h); older rows are ignored
 *     and purged
 * @param purgeInterval how often expired keys are deleted
 */
@ConfigurationProperties("scoreboard.idempotency")
record IdempotencySettings(Duration ttl, Duration purgeInterval) {

  IdempotencySettings {
    if (ttl == null || ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("scoreboard.idempotency.ttl must be > 0");
    }
    if (purgeInterval == null || purgeInterval.isNegative() || purgeInterval.isZero()) {
      throw new IllegalArgumentException("scoreboard.idempotency.purge-interval must be > 0");
    }
  }
}
