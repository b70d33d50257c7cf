package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay is woken, not polled: the fallback poll is an hour here, so a row that reaches Kafka
 * within seconds was published because its commit woke the relay. A row this instance writes wakes
 * its relay directly after the commit; a row written elsewhere (another instance, here a plain
 * INSERT) only through NOTIFY and the listener.
 */
@TestPropertySource(
    properties = {
      "scoreboard.outbox.relay.fallback-poll=1h",
      "scoreboard.outbox.listener.reconnect-min=50ms",
      "scoreboard.users.auto-register=true"
    })
class OutboxWakeUpIT extends CommandApiTestBase {

  /** Far below the fallback poll; generous for a busy 2-core machine. */
  private static final Duration PROMPTLY = Duration.ofSeconds(10);

  @Autowired OutboxNotificationListener listener;
  @Autowired MeterRegistry meters;
  @Autowired TransactionTemplate transactions;

  private KafkaConsumer<String, byte[]> consumer;
  private final List<String> receivedKeys = new ArrayList<>();

  @BeforeEach
  void readTopicFromTheEnd() {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.shared().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    Awaitility.await().atMost(PROMPTLY).until(listener::isListening);
  }

  @AfterEach
  void close() {
    consumer.close();
  }

  @Test
  void completedActionIsPublishedWithoutPolling() {
    String user = newUserId();

    completeAnAction(user);

    awaitRecord("global:" + user);
    assertThat(meters.get("scoreboard.outbox.lag").timer().count()).isPositive();
    assertThat(meters.get("scoreboard.outbox.batch.size").summary().count()).isPositive();
  }

  @Test
  void rowCommittedByAnotherWriterIsPublishedOnItsNotify() {
    String key = insertRowAsAnotherInstanceWould();

    awaitRecord(key);
  }

  @Test
  void listenerReconnectsAfterItsConnectionIsKilledAndStillWakesTheRelay() {
    long before = listenerPid();
    assertThat(
            jdbc.sql("SELECT pg_terminate_backend(?)")
                .param((int) before)
                .query(Boolean.class)
                .single())
        .isTrue();
    Awaitility.await()
        .atMost(PROMPTLY)
        .until(() -> listener.isListening() && listenerPidOrZero() != before);

    awaitRecord(insertRowAsAnotherInstanceWould());
  }

  /**
   * A committed row this instance's {@link Outbox} did not write, from a connection named like
   * another instance's; returns its key.
   */
  private String insertRowAsAnotherInstanceWould() {
    String key = "elsewhere:" + UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          jdbc.sql("SELECT set_config('application_name', 'scoreboard-command-api-other', true)")
              .query(String.class)
              .single();
          jdbc.sql(
                  """
                  INSERT INTO outbox (aggregatetype, aggregateid, type, payload)
                  VALUES ('test', ?, 'TEST', '{}')
                  """)
              .param(key)
              .update();
        });
    return key;
  }

  private void completeAnAction(String user) {
    String bearer = tokenFor(user);
    assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);
  }

  private void awaitRecord(String key) {
    Awaitility.await()
        .atMost(PROMPTLY)
        .pollInSameThread()
        .pollInterval(Duration.ofMillis(1))
        .until(
            () -> {
              consumer.poll(Duration.ofMillis(100)).forEach(r -> receivedKeys.add(r.key()));
              return receivedKeys.contains(key);
            });
  }

  private long listenerPid() {
    Awaitility.await().atMost(PROMPTLY).until(() -> listenerPidOrZero() != 0);
    return listenerPidOrZero();
  }

  private long listenerPidOrZero() {
    return jdbc.sql(
            """
            SELECT coalesce(max(pid), 0) FROM pg_stat_activity
            WHERE application_name = ? AND datname = current_database()
            """)
        .param(OutboxNotificationListener.APPLICATION_NAME)
        .query(Long.class)
        .single();
  }
}
