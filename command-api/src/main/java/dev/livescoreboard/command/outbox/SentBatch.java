package dev.livescoreboard.command.outbox;

import dev.livescoreboard.events.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * One claim handed to the producer: its rows, when Kafka acknowledged each of them, and a future
 * that completes when every record is acknowledged (or the first one fails).
 */
final class SentBatch {

  private final List<ClaimedRow> rows;
  private final Instant[] ackedAt;
  private final long sentNanos = System.nanoTime();
  private final CompletableFuture<Void> completed;
  // Written before completed completes, read after: the future publishes it.
  private long completedNanos;

  /**
   * Hands every row to the producer without waiting; {@code onCompleted} runs (on the producer's
   * I/O thread) once the whole batch is acknowledged or has failed, after {@link #isCompleted()}
   * turned true.
   */
  SentBatch(
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      List<ClaimedRow> rows,
      Clock clock,
      Runnable onCompleted) {
    this.rows = rows;
    this.ackedAt = new Instant[rows.size()];
    CompletableFuture<?>[] acks = new CompletableFuture<?>[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      int index = i;
      // The callback runs on the producer's I/O thread; allOf publishes the writes to readers.
      acks[i] =
          kafka.send(record(topic, rows.get(i))).thenRun(() -> ackedAt[index] = clock.instant());
    }
    completed =
        CompletableFuture.allOf(acks)
            .whenComplete((ignored, failure) -> completedNanos = System.nanoTime());
    completed.whenComplete((ignored, failure) -> onCompleted.run());
  }

  private static ProducerRecord<String, byte[]> record(String topic, ClaimedRow row) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, row.key(), row.payload().getBytes(StandardCharsets.UTF_8));
    if (row.traceparent() != null) {
      record
          .headers()
          .add(TraceParent.HEADER, row.traceparent().getBytes(StandardCharsets.US_ASCII));
    }
    return record;
  }

  List<ClaimedRow> rows() {
    return rows;
  }

  long sentNanos() {
    return sentNanos;
  }

  boolean isCompleted() {
    return completed.isDone();
  }

  /** From the send to the last acknowledgement; only once {@link #isCompleted()}. */
  long sendNanos() {
    return completedNanos - sentNanos;
  }

  /**
   * The acknowledgement time of each row, in row order; only once {@link #isCompleted()}.
   *
   * @throws OutboxPublishException if a record was not acknowledged
   */
  Instant[] ackedAt() {
    try {
      completed.get();
      return ackedAt;
    } catch (ExecutionException e) {
      throw new OutboxPublishException("Kafka did not acknowledge the batch", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OutboxPublishException("interrupted while reading the batch's result", e);
    }
  }
}
