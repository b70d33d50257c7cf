package dev.livescoreboard.command.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
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
 * lock (or give up: another instance is publishing), lock up to a batch of unpublished rows in id
 * order, send them all, wait for every acknowledgement, mark them published, commit. A failed send
 * throws and rolls back, so the rows are sent again later: at-least-once, never lost.
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

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      int batchSize,
      Duration sendTimeout) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.topic = topic;
    this.batchSize = batchSize;
    this.sendTimeout = sendTimeout;
  }

  /** Publishes batches until the outbox is drained or another instance holds the lock. */
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
    Integer published = transactions.execute(status -> publishLockedBatch());
    return published == null ? 0 : published;
  }

  private int publishLockedBatch() {
    boolean locked =
        jdbc.sql("SELECT pg_try_advisory_xact_lock(:key)")
            .param("key", LOCK_KEY)
            .query(Boolean.class)
            .single();
    if (!locked) {
      return 0;
    }
    List<PendingRow> rows =
        jdbc.sql(
                """
                SELECT id, aggregateid, payload, traceparent FROM outbox
                WHERE published_at IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED
                """)
            .param("limit", batchSize)
            .query(
                (rs, n) ->
                    new PendingRow(
                        rs.getLong("id"),
                        rs.getString("aggregateid"),
                        rs.getString("payload"),
                        rs.getString("traceparent")))
            .list();
    if (rows.isEmpty()) {
      return 0;
    }
    send(rows);
    jdbc.sql("UPDATE outbox SET published_at = now() WHERE id IN (:ids)")
        .param("ids", rows.stream().map(PendingRow::id).toList())
        .update();
    return rows.size();
  }

  private void send(List<PendingRow> rows) {
    List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
    for (PendingRow row : rows) {
      ProducerRecord<String, byte[]> record =
          new ProducerRecord<>(topic, row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
      if (row.traceparent() != null) {
        record.headers().add("traceparent", row.traceparent().getBytes(StandardCharsets.US_ASCII));
      }
      acks.add(kafka.send(record));
    }
    try {
      CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
          .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutboxPublishException("interrupted while waiting for Kafka", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new OutboxPublishException("Kafka did not acknowledge the batch", e);
    }
  }

  private record PendingRow(long id, String key, String payload, String traceparent) {}
}
