package dev.livescoreboard.command.outbox;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka, one batch per transaction: take the relay's advisory
 * lock (or give up: another instance is publishing) and lock up to a batch of unpublished rows in
 * id order (one statement), send them all, wait for every acknowledgement once, mark them
 * published, commit. A failed send throws and rolls back, so the rows are sent again later:
 * at-least-once, never lost.
 */
class OutboxRelay {

  /** Advisory lock key that every relay instance of every command-api shares. */
  static final long LOCK_KEY = 0x5C0_4EB0A4DL;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final String topic;
  private final int batchSize;
  private final Duration sendTimeout;
  private final OutboxRelayMetrics metrics;
  private final Clock clock;

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      int batchSize,
      Duration sendTimeout) {
    this(
        jdbc,
        transactions,
        kafka,
        topic,
        batchSize,
        sendTimeout,
        OutboxRelayMetrics.discarding(),
        Clock.systemUTC());
  }

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      int batchSize,
      Duration sendTimeout,
      OutboxRelayMetrics metrics,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.topic = topic;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Publishes batches until one comes back smaller than the batch size (the outbox is drained) or
   * another instance holds the lock (it drains instead). Returns how many rows it published.
   */
  int drain() {
    int total = 0;
    int published;
    do {
      published = publishBatch();
      total += published;
    } while (published == batchSize);
    return total;
  }

  /** Publishes at most one batch; returns how many rows it published. */
  int publishBatch() {
    Published batch;
    long started = System.nanoTime();
    try {
      batch = transactions.execute(status -> publishLockedBatch());
    } catch (RuntimeException e) {
      metrics.failed();
      throw e;
    }
    if (batch == null || batch.rows().isEmpty()) {
      return 0;
    }
    metrics.round(System.nanoTime() - started);
    // Recorded after the commit: a rolled-back batch is not published yet.
    metrics.batchPublished(batch.rows().size());
    for (int i = 0; i < batch.rows().size(); i++) {
      metrics.lag(ChronoUnit.MICROS.between(batch.rows().get(i).createdAt(), batch.ackedAt()[i]));
    }
    return batch.rows().size();
  }

  private Published publishLockedBatch() {
    // One round trip: the lock (no rows if another instance holds it), then the rows. Also
    // asynchronous commit for this transaction only: if PostgreSQL crashes before flushing it,
    // the rows count as unpublished again and are sent twice, which at-least-once allows; not
    // waiting for that fsync ends the round sooner, so the next batch goes out sooner.
    List<PendingRow> rows =
        jdbc.sql(
                """
                WITH relay AS (
                  SELECT pg_try_advisory_xact_lock(:key) AS locked,
                    set_config('synchronous_commit', 'off', true))
                SELECT o.id, o.aggregateid, o.payload, o.traceparent, o.created_at
                FROM outbox o, relay
                WHERE relay.locked AND o.published_at IS NULL
                ORDER BY o.id LIMIT :limit FOR UPDATE OF o SKIP LOCKED
                """)
            .param("key", LOCK_KEY)
            .param("limit", batchSize)
            .query(
                (rs, n) ->
                    new PendingRow(
                        rs.getLong("id"),
                        rs.getString("aggregateid"),
                        rs.getString("payload"),
                        rs.getString("traceparent"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
            .list();
    if (rows.isEmpty()) {
      return null;
    }
    Instant[] ackedAt = send(rows);
    jdbc.sql("UPDATE outbox SET published_at = now() WHERE id IN (:ids)")
        .param("ids", rows.stream().map(PendingRow::id).toList())
        .update();
    return new Published(rows, ackedAt);
  }

  /** Sends every row, then waits once for all acknowledgements; returns when each was acked. */
  private Instant[] send(List<PendingRow> rows) {
    long sending = System.nanoTime();
    Instant[] ackedAt = new Instant[rows.size()];
    CompletableFuture<?>[] acks = new CompletableFuture<?>[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      PendingRow row = rows.get(i);
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(topic, row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
      if (row.traceparent() != null) {
        record.headers().add("traceparent", row.traceparent().getBytes(StandardCharsets.US_ASCII));
      }
      int index = i;
      // The callback runs on the producer's I/O thread; allOf below publishes the writes to us.
      acks[i] = kafka.send(record).thenRun(() -> ackedAt[index] = clock.instant());
    }
    // The batch is complete: send it now instead of waiting out linger.ms (outbox lag).
    kafka.flush();
    try {
      CompletableFuture.allOf(acks).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutboxPublishException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new OutboxPublishException("Kafka did not acknowledge the batch", e);
    }
    metrics.send(System.nanoTime() - sending);
    return ackedAt;
  }

  private record PendingRow(
      long id, String key, String payload, String traceparent, Instant createdAt) {}

  /** What one committed batch published, with each row's acknowledgement time. */
  private record Published(List<PendingRow> rows, Instant[] ackedAt) {}
}
