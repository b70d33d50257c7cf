package dev.livescoreboard.system.drill;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The score-events topic as an analytics consumer reads it: a real consumer (no group, every
 * partition from the beginning) that counts the records of each event id up to the end offsets as
 * they are when it starts.
 */
final class TopicEvents {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TopicEvents() {}

  /** Records per {@code eventId} on {@code topic}, from the first offset to the current end. */
  static Map<String, Integer> countByEventId(String bootstrap, String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    Map<String, Integer> counts = new HashMap<>();
    try (var consumer =
        new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      await("the topic read to its end")
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                consumer
                    .poll(Duration.ofMillis(200))
                    .forEach(
                        r ->
                            counts.merge(
                                JSON.readTree(r.value()).path("eventId").asString(),
                                1,
                                Integer::sum));
                return partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
              });
    }
    return counts;
  }
}
