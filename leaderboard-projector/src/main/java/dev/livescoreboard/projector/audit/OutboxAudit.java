package dev.livescoreboard.projector.audit;

/**
 * The outbox's publication state.
 *
 * @param unpublished rows not yet published to Kafka, of any age
 * @param oldestAgeSeconds age of the oldest of them (0 when there is none)
 * @param stale unpublished rows older than the grace: the relay is stuck or behind
 */
record OutboxAudit(long unpublished, long oldestAgeSeconds, long stale) {

  boolean ok() {
    return stale == 0;
  }
}
