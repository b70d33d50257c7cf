package dev.livescoreboard.projector.projection;

import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.BoardDefined;
import dev.livescoreboard.events.EntryChanged;
import dev.livescoreboard.events.EventKeys;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.ScoreboardEvent;
import dev.livescoreboard.events.ScoreboardEventSerializer;
import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.TraceParent;
import dev.livescoreboard.testsupport.UniqueNames;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain Kafka clients for tests: the event producer, a raw producer and a DLT reader. */
final class TestProducers implements AutoCloseable {

  private final String bootstrap;
  private final String topic;
  private final KafkaProducer<String, ScoreboardEvent> events;
  private final KafkaProducer<String, byte[]> raw;
  private final List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
  private KafkaConsumer<String, byte[]> deadLetterConsumer;

  TestProducers(String bootstrap, String topic) {
    this.bootstrap = bootstrap;
    this.topic = topic;
    Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    this.events =
        new KafkaProducer<>(config, new StringSerializer(), new ScoreboardEventSerializer());
    this.raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends with the production key {@code board:userId}, waiting for the broker's ack. */
  void send(ScoreChanged event) {
    send(EventKeys.scoreEvent(event.board(), event.userId()), event);
  }

  /** Sends an entry change with the production key {@code board:userId}, waiting for the ack. */
  void send(EntryChanged event) {
    complete(
        events.send(
            new ProducerRecord<>(
                topic, EventKeys.scoreEvent(event.board(), event.userId()), event)));
  }

  /** Sends a board definition with the production key {@code board}, waiting for the ack. */
  void send(BoardDefined event) {
    complete(events.send(new ProducerRecord<>(topic, EventKeys.boardEvent(event.board()), event)));
  }

  /** Sends every event with its production key without waiting in between, then awaits the acks. */
  void sendAll(List<ScoreChanged> batch) {
    List<Future<?>> sent = new ArrayList<>();
    for (ScoreChanged event : batch) {
      sent.add(
          events.send(
              new ProducerRecord<>(
                  topic, EventKeys.scoreEvent(event.board(), event.userId()), event)));
    }
    events.flush();
    sent.forEach(TestProducers::complete);
  }

  void send(SeasonStarted event) {
    complete(events.send(new ProducerRecord<>(topic, EventKeys.boardEvent(event.board()), event)));
  }

  void send(String key, ScoreChanged event) {
    complete(events.send(new ProducerRecord<>(topic, key, event)));
  }

  void sendRaw(String key, byte[] value) {
    complete(raw.send(new ProducerRecord<>(topic, key, value)));
  }

  /** Sends with the production key and a {@code traceparent} header, as the outbox relay does. */
  void sendTraced(ScoreChanged event, String traceparent) {
    ProducerRecord<String, ScoreboardEvent> record =
        new ProducerRecord<>(topic, EventKeys.scoreEvent(event.board(), event.userId()), event);
    record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
    complete(events.send(record));
  }

  /** Sends raw bytes with a {@code traceparent} header. */
  void sendRawTraced(String key, byte[] value, String traceparent) {
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
    record.headers().add(TraceParent.HEADER, traceparent.getBytes(StandardCharsets.US_ASCII));
    complete(raw.send(record));
  }

  /**
   * Sends raw values (null entries = events serialized as JSON) without waiting in between, then
   * waits for all acks, so the listener usually receives them in one poll.
   */
  void sendBurst(String key, List<byte[]> values) {
    List<Future<?>> sent = new ArrayList<>();
    for (byte[] value : values) {
      sent.add(raw.send(new ProducerRecord<>(topic, key, value)));
    }
    raw.flush();
    sent.forEach(TestProducers::complete);
  }

  /** Reads {@code <topic>.DLT} from the beginning until a record with {@code key} arrived. */
  synchronized ConsumerRecord<String, byte[]> awaitDeadLetter(String key) {
    if (deadLetterConsumer == null) {
      deadLetterConsumer =
          new KafkaConsumer<>(
              Map.of(
                  ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  bootstrap,
                  ConsumerConfig.GROUP_ID_CONFIG,
                  UniqueNames.of("dlt-reader"),
                  ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                  "earliest"),
              new StringDeserializer(),
              new ByteArrayDeserializer());
      deadLetterConsumer.subscribe(List.of(topic + ".DLT"));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              deadLetterConsumer.poll(Duration.ofMillis(200)).forEach(deadLetters::add);
              return deadLetters.stream().anyMatch(r -> key.equals(r.key()));
            });
    return deadLetters.stream().filter(r -> key.equals(r.key())).findFirst().orElseThrow();
  }

  /** The exception class names spring-kafka put into the dead letter's headers. */
  static String exceptionHeaders(ConsumerRecord<String, byte[]> record) {
    StringBuilder names = new StringBuilder();
    for (Header header : record.headers()) {
      if (header.key().endsWith("fqcn")) {
        names.append(new String(header.value(), StandardCharsets.UTF_8)).append(' ');
      }
    }
    return names.toString();
  }

  private static void complete(Future<?> sent) {
    try {
      sent.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    events.close();
    raw.close();
    if (deadLetterConsumer != null) {
      deadLetterConsumer.close();
    }
  }
}
