package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.testsupport.TestAuth;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Claims are pipelined inside one relay transaction: a row committed while an earlier batch waits
 * for Kafka is sent without waiting for it, and a transaction whose batch is not acknowledged in
 * time rolls back every claim it made. Kafka's acknowledgement is held back by a producer
 * interceptor that blocks the producer's I/O thread on the first acknowledgement until released.
 */
@TestPropertySource(
    properties = {"scoreboard.outbox.relay.enabled=false", "scoreboard.users.auto-register=true"})
// Leaves rows and records behind in a context OutboxRelayConcurrencyIT would otherwise share; that
// test counts every row and record of its database and topic.
@DirtiesContext
class OutboxRelayPipelineIT extends CommandApiTestBase {

  @Autowired TransactionTemplate transactions;
  @Autowired ProducerFactory<String, byte[]> producers;
  @Autowired KafkaTemplate<String, byte[]> kafka;

  /**
   * Relays what startup wrote, so each test starts with an empty outbox; the relay runs only when a
   * test starts one.
   */
  @BeforeEach
  void relayStartupAnnouncements() {
    TestRelays.drainStartup(jdbc, transactions, kafka, topic);
  }

  private final HeldAcknowledgement held = new HeldAcknowledgement();
  private final ExecutorService background = Executors.newSingleThreadExecutor();

  @AfterEach
  void releaseAndStop() {
    held.release();
    background.shutdownNow();
  }

  @Test
  void rowCommittedWhileABatchAwaitsItsAckIsSentWithoutWaitingForIt() throws Exception {
    OutboxRelay relay = relayHeldBy(held, 500, Duration.ofSeconds(30));
    String first = scoreOnce();
    Future<OutboxRelay.Drained> drained = background.submit(relay::drain);
    Awaitility.await().atMost(Duration.ofSeconds(30)).untilTrue(held.holding);

    String second = scoreOnce();
    relay.wake();
    // The first batch is still unacknowledged: its acknowledgement is held.
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> held.sentKeys.contains(second));
    assertThat(held.sentKeys).containsExactly(first, second);

    held.release();
    assertThat(drained.get(30, TimeUnit.SECONDS).published()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
    // The topic is shared with the other test of this class.
    assertThat(keysInTopic())
        .filteredOn(key -> key.equals(first) || key.equals(second))
        .containsExactlyInAnyOrder(first, second);
  }

  @Test
  void batchNotAcknowledgedInTimeRollsBackEveryClaimOfItsTransaction() throws Exception {
    String first = scoreOnce();
    String second = scoreOnce();
    // Batches of one: the transaction claims both rows, one after the other, before any ack.
    OutboxRelay relay = relayHeldBy(held, 1, Duration.ofSeconds(1));

    Future<OutboxRelay.Drained> drained = background.submit(relay::drain);
    assertThatThrownBy(() -> drained.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(OutboxPublishException.class);
    assertThat(held.sentKeys).containsExactly(first, second);
    assertThat(count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isEqualTo(2);

    held.release();
    OutboxRelay retry =
        TestRelays.relay(jdbc, transactions, kafka, topic, 1, Duration.ofSeconds(30));
    assertThat(retry.drain().published()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
    // At least once: the records the failed transaction sent may be there twice.
    assertThat(keysInTopic()).contains(first, second);
  }

  /** The keys on the topic. */
  private List<String> keysInTopic() {
    try (TopicReader reader = new TopicReader(topic)) {
      return reader.readToEnd().stream().map(ConsumerRecord::key).toList();
    }
  }

  private OutboxRelay relayHeldBy(
      HeldAcknowledgement interceptor, int batchSize, Duration timeout) {
    KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(producers);
    template.setProducerInterceptor(interceptor);
    return TestRelays.relay(jdbc, transactions, template, topic, batchSize, timeout);
  }

  /** A new player completes one action; returns the Kafka key of the score change. */
  private String scoreOnce() {
    String user = newUserId();
    String bearer = TestAuth.shared().mint(user, "Player", List.of());
    assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);
    return "global:" + user;
  }

  /**
   * Records the keys handed to the producer and blocks the producer's I/O thread in the first
   * acknowledgement until released (Spring calls it before completing the send's future).
   */
  private static final class HeldAcknowledgement implements ProducerInterceptor<String, byte[]> {

    final List<String> sentKeys = new CopyOnWriteArrayList<>();
    final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch released = new CountDownLatch(1);

    @Override
    public ProducerRecord<String, byte[]> onSend(ProducerRecord<String, byte[]> record) {
      sentKeys.add(record.key());
      return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
      if (holding.compareAndSet(false, true)) {
        try {
          released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void release() {
      released.countDown();
    }

    @Override
    public void close() {}

    @Override
    public void configure(Map<String, ?> configs) {}
  }
}
