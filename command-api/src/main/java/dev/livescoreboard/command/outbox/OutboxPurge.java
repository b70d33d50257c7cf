package dev.livescoreboard.command.outbox;

import dev.livescoreboard.command.system.BatchedDelete;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes published outbox rows older than the retention, on the scheduler thread, in small batches
 * ({@link BatchedDelete}); what it never deletes is in the package docs. A row the relay is marking
 * right now is still unpublished for everyone else, so it is not in the range either.
 */
@Component
class OutboxPurge {

  private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);

  // Oldest first through ix_outbox_published_at, so the last (short) batch reads only its rows.
  private static final String DELETE_BATCH =
      """
      WITH doomed AS MATERIALIZED (
        SELECT id FROM outbox WHERE published_at < :before
        ORDER BY published_at LIMIT :limit FOR UPDATE SKIP LOCKED)
      DELETE FROM outbox o USING doomed WHERE o.id = doomed.id
      """;

  private final JdbcClient jdbc;
  private final OutboxPurgeSettings settings;
  private final Clock clock;
  private final Counter purged;

  OutboxPurge(JdbcClient jdbc, OutboxPurgeSettings settings, MeterRegistry meters, Clock clock) {
    this.jdbc = jdbc;
    this.settings = settings;
    this.clock = clock;
    this.purged =
        Counter.builder("scoreboard.outbox.purged")
            .description("Published outbox rows deleted after the retention")
            .baseUnit("rows")
            .register(meters);
  }

  @Scheduled(
      fixedDelayString = "${scoreboard.outbox.purge.interval}",
      initialDelayString = "${scoreboard.outbox.purge.interval}")
  void purgePublished() {
    try {
      long rows = purge();
      if (rows > 0) {
        log.info("purged {} published outbox rows", rows);
      }
    } catch (DataAccessException e) {
      log.warn("outbox purge failed, retrying next time: {}", e.toString());
    }
  }

  /** Deletes every published row older than the retention; returns how many. */
  long purge() {
    Instant before = clock.instant().minus(settings.retention());
    return BatchedDelete.untilShort(
        settings.batchSize(),
        limit -> {
          int rows =
              jdbc.sql(DELETE_BATCH)
                  .param("before", before.atOffset(ZoneOffset.UTC))
                  .param("limit", limit)
                  .update();
          purged.increment(rows); // per batch: a later failure keeps the count of the earlier
          return rows;
        });
  }
}
