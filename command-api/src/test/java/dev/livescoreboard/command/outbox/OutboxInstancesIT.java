package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.testsupport.UniqueNames;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two command-api instances on one database, each with its writer and its relay: the application's
 * own ({@link Outbox} and the relay worker) and a second pair built here. The fallback poll is an
 * hour for both, so a row that reaches Kafka within seconds got there through wake-ups alone: each
 * writer wakes its own relay, the relay holding the lock claims every instance's rows, and a woken
 * relay that found the lock held tries again soon.
 */
@TestPropertySource(
    properties = {
      "scoreboard.outbox.relay.fallback-poll=1h",
      "scoreboard.users.auto-register=true"
    })
class OutboxInstancesIT extends CommandApiTestBase {

  /** Far below the fallback poll; generous for a busy 2-core machine. */
  private static final Duration PROMPTLY = Duration.ofSeconds(30);

  @Autowired Outbox outbox;
  @Autowired TransactionTemplate transactions;
  @Autowired KafkaTemplate<String, byte[]> kafka;
  @Autowired MeterRegistry meters;

  private final ExecutorService background = Executors.newCachedThreadPool();
  private Outbox otherOutbox;
  private OutboxRelayWorker otherRelay;

  @BeforeEach
  void startAnotherInstance() {
    OutboxRelaySettings settings =
        TestRelays.settings(500, Duration.ofSeconds(30), Duration.ofHours(1));
    OutboxRelay relay = TestRelays.relay(jdbc, transactions, kafka, topic, settings);
    otherOutbox = new Outbox(jdbc, relay);
    otherRelay = new OutboxRelayWorker(relay, settings);
    otherRelay.start();
  }

  @AfterEach
  void stopIt() {
    otherRelay.stop();
    background.shutdownNow();
  }

  @Test
  void rowCommittedWhileAnotherRelayHoldsTheLockIsPublishedOnceTheLockIsFree() throws Exception {
    double busyBefore = lockBusy();
    CountDownLatch locked = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    // Stands in for another instance's relay in the middle of its transaction.
    Future<?> holder =
        background.submit(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      jdbc.sql("SELECT 1 FROM (SELECT pg_advisory_xact_lock(?)) AS held")
                          .param(OutboxRelay.LOCK_KEY)
                          .query(Integer.class)
                          .single();
                      locked.countDown();
                      awaitQuietly(release);
                    }));
    assertThat(locked.await(30, TimeUnit.SECONDS)).isTrue();
    String key = UniqueNames.of("while-locked");

    append(outbox, key, 1);
    // This instance's relay was woken and found the lock held.
    Awaitility.await().atMost(PROMPTLY).until(() -> lockBusy() > busyBefore);
    assertThat(
            count(
                "SELECT count(*) FROM outbox WHERE aggregateid = ? AND published_at IS NULL", key))
        .isOne();
    release.countDown();
    holder.get(30, TimeUnit.SECONDS);

    try (TopicReader reader = new TopicReader(topic)) {
      assertThat(reader.readUntil(records -> keys(records).contains(key))).isNotEmpty();
    }
  }

  @Test
  void twoInstancesWritingAndRelayingPublishEachRowOnceInPerKeyOrder() throws Exception {
    int keys = 4;
    int rowsEach = 30;
    String prefix = UniqueNames.of("both");
    List<Future<?>> writers = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      String key = prefix + ":" + k;
      // Each key's rows come from both instances in turn, one commit after the other.
      writers.add(
          background.submit(
              () -> {
                for (int seq = 1; seq <= rowsEach; seq++) {
                  append(seq % 2 == 0 ? outbox : otherOutbox, key, seq);
                }
              }));
    }
    for (Future<?> writer : writers) {
      writer.get(60, TimeUnit.SECONDS);
    }

    Awaitility.await()
        .atMost(PROMPTLY)
        .until(
            () ->
                count(
                        "SELECT count(*) FROM outbox WHERE aggregateid LIKE ? AND published_at IS NULL",
                        prefix + ":%")
                    == 0);
    try (TopicReader reader = new TopicReader(topic)) {
      Map<String, List<Integer>> seqsByKey =
          reader.readToEnd().stream()
              .filter(record -> record.key().startsWith(prefix + ":"))
              .collect(
                  Collectors.groupingBy(
                      ConsumerRecord::key,
                      Collectors.mapping(record -> seq(record.value()), Collectors.toList())));
      List<Integer> everySeqOnceInOrder = IntStream.rangeClosed(1, rowsEach).boxed().toList();
      assertThat(seqsByKey).hasSize(keys);
      assertThat(seqsByKey)
          .allSatisfy((key, seqs) -> assertThat(seqs).isEqualTo(everySeqOnceInOrder));
    }
  }

  private void append(Outbox writer, String key, int seq) {
    transactions.executeWithoutResult(
        status ->
            writer.append(new OutboxMessage("test", key, "TEST", "{\"seq\":" + seq + "}", null)));
  }

  private static int seq(byte[] payload) {
    return JSON.readTree(payload).path("seq").asInt();
  }

  private static List<String> keys(List<ConsumerRecord<String, byte[]>> records) {
    return records.stream().map(ConsumerRecord::key).toList();
  }

  /** How often this instance's relay found the lock held by another. */
  private double lockBusy() {
    return meters.get("scoreboard.outbox.lock.busy").counter().count();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
