package dev.livescoreboard.projector.rebuild;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The periodic comparison of Redis with PostgreSQL.
 *
 * @param enabled whether reconciliation runs on its own
 * @param interval pause between two runs
 * @param grace a PostgreSQL row changed more recently than this may still be on its way through
 *     Kafka, so Redis lagging behind it is not drift
 * @param batchSize users compared per Redis pipeline
 */
@ConfigurationProperties("scoreboard.reconciliation")
record ReconciliationSettings(boolean enabled, Duration interval, Duration grace, int batchSize) {

  ReconciliationSettings {
    if (interval == null || interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("scoreboard.reconciliation.interval must be > 0");
    }
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("scoreboard.reconciliation.grace must be >= 0");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("scoreboard.reconciliation.batch-size must be >= 1");
    }
  }
}
