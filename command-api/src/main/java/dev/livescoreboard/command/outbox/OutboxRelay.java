package dev.livescoreboard.command.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes committed outbox rows to Kafka with claims pipelined inside one transaction.
 *
 * <p>A claim takes the relay's advisory lock (or reports it busy: another instance is publishing),
 * locks a batch of unpublished rows in id order and marks them published, all in one statement; the
 * marks stay invisible to everyone else until the transaction commits. The batch goes to the
 * producer without waiting. While its acknowledgements are pending, rows committed meanwhile (a
 * {@link #wake()}) are claimed and sent the same way, so a new row never waits for an earlier
 * batch's round trip to Kafka. Once nothing is in flight and nothing new was announced (or the
 * transaction claimed its {@code rowsPerTransaction}), the transaction commits.
 *
 * <p>A failed or timed-out send throws and rolls the whole transaction back, so every row it
 * claimed is sent again later: at-least-once, never lost. Every batch goes through one idempotent
 * producer in claim order, which keeps the records of a key in order.
 */
class OutboxRelay {

  /** Advisory lock key that every relay instance of every command-api shares. */
  static final long LOCK_KEY = 0x5C0_4EB0A4DL;

  // One round trip: the lock, then the rows, marked; the last SELECT returns one row even when
  // nothing was claimed, so the caller learns whether the lock was busy. Also asynchronous commit
  // for this transaction only: if PostgreSQL crashes before flushing it, the rows count as
  // unpublished again and are sent twice, which at-least-once allows; not waiting for that fsync
  // ends the transaction sooner. Rows this transaction marked no longer match
  // "published_at IS NULL" for its own later claims.
  private static final String CLAIM =
      """
      WITH relay AS (
        SELECT pg_try_advisory_xact_lock(:key) AS locked,
          set_config('synchronous_commit', 'off', true)),
      claimed AS (
        SELECT o.id FROM outbox o, relay
        WHERE relay.locked AND o.published_at IS NULL
        ORDER BY o.id LIMIT :limit FOR UPDATE OF o SKIP LOCKED),
      marked AS (
        UPDATE outbox o SET published_at = clock_timestamp()
        FROM claimed WHERE o.id = claimed.id
        RETURNING o.id, o.aggregateid, o.payload, o.traceparent, o.created_at)
      SELECT relay.locked, marked.* FROM relay LEFT JOIN marked ON true
      """;

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final KafkaTemplate<String, byte[]> kafka;
  private final String topic;
  private final OutboxRelaySettings settings;
  private final OutboxRelayMetrics metrics;
  private final Clock clock;
  private final RelaySignals signals = new RelaySignals();

  OutboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      OutboxRelaySettings settings,
      OutboxRelayMetrics metrics,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.kafka = kafka;
    this.topic = topic;
    this.settings = settings;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Announces committed rows: wakes {@link #awaitRows} or a transaction waiting for acks. */
  void wake() {
    signals.rowsCommitted();
  }

  /** Waits until rows are announced or the timeout passes; returns whether they were. */
  boolean awaitRows(Duration timeout) throws InterruptedException {
    return signals.awaitRows(timeout.toNanos());
  }

  /**
   * Publishes until a transaction ends with nothing left to claim or in flight, or finds the lock
   * held by another relay.
   */
  Drained drain() {
    int total = 0;
    Transaction transaction;
    do {
      transaction = publishTransaction();
      total += transaction.published();
    } while (transaction.claimed >= settings.rowsPerTransaction());
    return new Drained(total, transaction.lockBusy);
  }

  /**
   * What a {@link #drain()} did.
   *
   * @param published rows published (acknowledged and committed)
   * @param lockBusy whether it stopped because another relay held the lock; rows committed since
   *     that relay's last claim may still wait
   */
  record Drained(int published, boolean lockBusy) {}

  private Transaction publishTransaction() {
    Transaction transaction = new Transaction();
    long started = System.nanoTime();
    try {
      transactions.executeWithoutResult(status -> pipeline(transaction));
    } catch (RuntimeException e) {
      metrics.failed();
      throw e;
    }
    if (transaction.claimed > 0) {
      metrics.round(System.nanoTime() - started);
    }
    // Recorded after the commit: rows of a rolled-back transaction are not published yet.
    for (SentBatch batch : transaction.acknowledged) {
      metrics.batchPublished(batch.rows().size());
      Instant[] ackedAt = batch.ackedAt();
      for (int i = 0; i < ackedAt.length; i++) {
        metrics.lag(ChronoUnit.MICROS.between(batch.rows().get(i).createdAt(), ackedAt[i]));
      }
    }
    return transaction;
  }

  /** Claims and sends inside the open transaction until nothing is in flight or announced. */
  private void pipeline(Transaction transaction) {
    Deque<SentBatch> inFlight = new ArrayDeque<>();
    boolean claim = true;
    while (true) {
      if (claim) {
        int left = settings.rowsPerTransaction() - transaction.claimed;
        int limit = Math.min(settings.batchSize(), left);
        List<ClaimedRow> rows = limit > 0 ? claim(limit, transaction) : List.of();
        if (transaction.lockBusy) {
          return; // nothing claimed, nothing in flight: the lock is taken on the first claim
        }
        if (!rows.isEmpty()) {
          inFlight.add(new SentBatch(kafka, topic, rows, clock, signals::batchAcked));
          transaction.claimed += rows.size();
        }
        // A full claim means more rows are probably waiting: claim again without a wake-up.
        claim = limit > 0 && rows.size() == limit;
      }
      collectAcknowledged(inFlight, transaction);
      if (!claim) {
        if (inFlight.isEmpty()) {
          return;
        }
        claim = awaitRowsOrAck(inFlight.getFirst().sentNanos() + settings.sendTimeout().toNanos());
      }
    }
  }

  /** Claims up to {@code limit} rows; notes in the transaction when the lock was busy. */
  private List<ClaimedRow> claim(int limit, Transaction transaction) {
    List<ClaimedRow> rows = new ArrayList<>();
    jdbc.sql(CLAIM)
        .param("key", LOCK_KEY)
        .param("limit", limit)
        .query(
            rs -> {
              if (!rs.getBoolean("locked")) {
                transaction.lockBusy = true;
                metrics.lockBusy();
              } else if (rs.getObject("id") != null) {
                rows.add(
                    new ClaimedRow(
                        rs.getLong("id"),
                        rs.getString("aggregateid"),
                        rs.getString("payload"),
                        rs.getString("traceparent"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
              }
            });
    // RETURNING has no order; ids are the commit order of each key.
    rows.sort(Comparator.comparingLong(ClaimedRow::id));
    return rows;
  }

  /** Moves completed batches out of flight; throws if one failed or the oldest is overdue. */
  private void collectAcknowledged(Deque<SentBatch> inFlight, Transaction transaction) {
    for (Iterator<SentBatch> batches = inFlight.iterator(); batches.hasNext(); ) {
      SentBatch batch = batches.next();
      if (batch.isCompleted()) {
        batch.ackedAt(); // throws if a record failed
        metrics.send(batch.sendNanos());
        transaction.acknowledged.add(batch);
        batches.remove();
      }
    }
    SentBatch oldest = inFlight.peekFirst();
    if (oldest != null
        && System.nanoTime() - oldest.sentNanos() >= settings.sendTimeout().toNanos()) {
      throw new OutboxPublishException(
          "Kafka did not acknowledge a batch within " + settings.sendTimeout(), null);
    }
  }

  private boolean awaitRowsOrAck(long deadlineNanos) {
    try {
      return signals.awaitRowsOrAck(deadlineNanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutboxPublishException("interrupted while waiting for Kafka", e);
    }
  }

  /**
   * One relay transaction: how many rows it claimed, whether the lock was busy, and its batches
   * once acknowledged.
   */
  private static final class Transaction {
    private int claimed;
    private boolean lockBusy;
    private final List<SentBatch> acknowledged = new ArrayList<>();

    int published() {
      return acknowledged.stream().mapToInt(batch -> batch.rows().size()).sum();
    }
  }
}
