package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.ScoreboardEvent;
import dev.livescoreboard.events.ScoreboardEventSerializer;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes score events the way command-api's outbox relay does (key {@code board:userId}). */
final class EventSender implements AutoCloseable {

  private final String topic;
  private final KafkaProducer<String, ScoreboardEvent> producer;

  EventSender(String bootstrap, String topic) {
    this.topic = topic;
    this.producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ScoreboardEventSerializer());
  }

  void send(
      String board,
      String season,
      String user,
      String name,
      long previous,
      long score,
      long version,
      Instant reachedAt) {
    ScoreChanged event =
        ScoreChanged.forAction(
            UUID.randomUUID(),
            board,
            season,
            user,
            name,
            "COMPLETE_LEVEL",
            previous,
            score,
            version,
            reachedAt,
            reachedAt);
    try {
      producer.send(new ProducerRecord<>(topic, EventKeys.scoreEvent(board, user), event)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Sends an operator's change of {@code user}'s entry, as command-api's outbox does. */
  void sendEntryChange(
      String board,
      String season,
      String user,
      String name,
      String status,
      String change,
      long score,
      long version,
      Instant reachedAt) {
    EntryChanged event =
        EntryChanged.of(
            UUID.randomUUID(),
            board,
            season,
            user,
            name,
            !status.equals(EntryChanged.ERASED),
            status,
            change,
            score,
            reachedAt,
            version,
            reachedAt);
    try {
      producer.send(new ProducerRecord<>(topic, EventKeys.scoreEvent(board, user), event)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    producer.close();
  }
}
