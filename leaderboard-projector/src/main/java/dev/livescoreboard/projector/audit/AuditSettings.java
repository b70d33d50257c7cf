package dev.livescoreboard.projector.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The consistency audit ({@code scoreboard.audit.*}).
 *
 * @param grace a change younger than this may still be on its way (outbox relay, Kafka, projector):
 *     Redis lagging behind it is not drift, and an unpublished outbox row younger than this is not
 *     a stuck one
 * @param batchSize users compared per Redis pipeline
 * @param fetchSize rows per round trip of the PostgreSQL cursor; bounds the audit's memory
 * @param maxProblemsPerBoard problems listed per board+season; the rest are only counted
 */
@ConfigurationProperties("scoreboard.audit")
record AuditSettings(Duration grace, int batchSize, int fetchSize, int maxProblemsPerBoard) {

  AuditSettings {
    if (grace == null || grace.isNegative()) {
      throw new IllegalArgumentException("scoreboard.audit.grace must be >= 0");
    }
    if (batchSize < 1 || fetchSize < 1) {
      throw new IllegalArgumentException("scoreboard.audit batch and fetch sizes must be >= 1");
    }
    if (maxProblemsPerBoard < 0) {
      throw new IllegalArgumentException("scoreboard.audit.max-problems-per-board must be >= 0");
    }
  }
}
