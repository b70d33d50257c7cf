package dev.livescoreboard.command;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.testsupport.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/** Reads a test topic from the beginning, without a consumer group. */
public final class TopicReader implements AutoCloseable {

  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

  public TopicReader(String topic) {
    this(TestKafka.shared().bootstrapServers(), topic);
  }

  /** Reads {@code topic} of the brokers at {@code bootstrapServers} (a test's own broker). */
  public TopicReader(String bootstrapServers, String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
  }

  /** Polls until {@code done} holds for everything read so far; returns what was read. */
  public List<ConsumerRecord<String, byte[]>> readUntil(
      Predicate<List<ConsumerRecord<String, byte[]>>> done) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(200)).forEach(records::add);
              return done.test(records);
            });
    return List.copyOf(records);
  }

  /** Reads everything up to the current end of every partition. */
  public List<ConsumerRecord<String, byte[]>> readToEnd() {
    Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
    return readUntil(
        read ->
            end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue()));
  }

  /** The event ids of the {@code SCORE_CHANGED} records of {@code key} in {@code records}. */
  public static Set<String> scoreEventIds(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    Set<String> ids = new HashSet<>();
    records.stream()
        .filter(r -> key.equals(r.key()))
        .forEach(
            r -> ids.add(EventJson.fromBytes(r.value(), ScoreChanged.class).eventId().toString()));
    return ids;
  }

  @Override
  public void close() {
    consumer.close();
  }
}
