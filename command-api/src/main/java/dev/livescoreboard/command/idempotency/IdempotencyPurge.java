package dev.livescoreboard.command.idempotency;

import dev.livescoreboard.command.system.BatchedDelete;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes idempotency keys older than the TTL, on the scheduler thread, in small batches ({@link
 * BatchedDelete}). Only housekeeping: expired rows are ignored on read anyway, so a missed run
 * (database down) changes no answer.
 */
@Component
class IdempotencyPurge {

  private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);

  private final IdempotencyKeys keys;
  private final IdempotencySettings settings;
  private final Clock clock;

  IdempotencyPurge(IdempotencyKeys keys, IdempotencySettings settings, Clock clock) {
    this.keys = keys;
    this.settings = settings;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${scoreboard.idempotency.purge-interval}",
      initialDelayString = "${scoreboard.idempotency.purge-interval}")
  void purgeExpired() {
    try {
      Instant before = clock.instant().minus(settings.ttl());
      long purged =
          BatchedDelete.untilShort(
              settings.purgeBatchSize(), limit -> keys.purgeBatch(before, limit));
      if (purged > 0) {
        log.info("purged {} expired idempotency keys", purged);
      }
    } catch (DataAccessException e) {
      log.warn("idempotency key purge failed, retrying next time: {}", e.toString());
    }
  }
}
