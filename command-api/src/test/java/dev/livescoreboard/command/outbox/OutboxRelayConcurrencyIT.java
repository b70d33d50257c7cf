package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.testsupport.TestAuth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two relays against one database while players score: every committed row reaches Kafka exactly
 * once and each user's events keep their order. The scheduled relay is off here; the test runs its
 * own two instances. Users are auto-registered from their access tokens.
 */
@TestPropertySource(
    properties = {"scoreboard.outbox.relay.enabled=false", "scoreboard.users.auto-register=true"})
class OutboxRelayConcurrencyIT extends CommandApiTestBase {

  private static final int PLAYERS = 4;
  private static final int ACTIONS_EACH = 25;
  // Small batches, so the two relays contend for the lock many times.
  private static final int BATCH = 7;

  @Autowired TransactionTemplate transactions;
  @Autowired KafkaTemplate<String, byte[]> kafka;

  /**
   * Relays what startup wrote, so each test starts with an empty outbox; the relay runs only when a
   * test starts one.
   */
  @BeforeEach
  void relayStartupAnnouncements() {
    TestRelays.drainStartup(jdbc, transactions, kafka, topic);
  }

  @Test
  void twoRelaysPublishEveryRowExactlyOnceInPerUserOrder() throws Exception {
    List<OutboxRelay> relays = List.of(newRelay(), newRelay());
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger published = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(relays.size() + PLAYERS);
    try {
      List<Future<?>> relayRuns = new ArrayList<>();
      for (OutboxRelay relay : relays) {
        relayRuns.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    published.addAndGet(relay.drain().published());
                  }
                }));
      }
      List<Future<?>> players = new ArrayList<>();
      for (int p = 0; p < PLAYERS; p++) {
        players.add(pool.submit(this::play));
      }
      for (Future<?> player : players) {
        player.get();
      }
      Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> count("SELECT count(*) FROM outbox WHERE published_at IS NULL") == 0);
      stop.set(true);
      for (Future<?> run : relayRuns) {
        run.get();
      }
    } finally {
      stop.set(true);
      pool.shutdownNow();
    }

    int total = PLAYERS * ACTIONS_EACH;
    assertThat(count("SELECT count(*) FROM outbox WHERE aggregatetype = 'score'")).isEqualTo(total);
    assertThat(published.get()).isEqualTo(total);
    try (TopicReader reader = new TopicReader(topic)) {
      // Score events only: the topic also holds the board announcements relayed before the test.
      List<ConsumerRecord<String, byte[]>> records =
          reader.readToEnd().stream().filter(r -> r.key().contains(":")).toList();
      assertThat(records).hasSize(total);
      Map<UUID, Integer> seen = new HashMap<>();
      Map<String, Long> lastVersion = new HashMap<>();
      for (ConsumerRecord<String, byte[]> record : records) {
        ScoreChanged event = EventJson.fromBytes(record.value(), ScoreChanged.class);
        seen.merge(event.eventId(), 1, Integer::sum);
        assertThat(record.key()).isEqualTo("global:" + event.userId());
        long previous = lastVersion.getOrDefault(record.key(), 0L);
        assertThat(event.userVersion()).as("order of %s", record.key()).isEqualTo(previous + 1);
        lastVersion.put(record.key(), event.userVersion());
      }
      assertThat(seen).hasSize(total).allSatisfy((id, times) -> assertThat(times).isOne());
    }
  }

  /** A new player with a hostile name claim completes a series of actions. */
  private void play() {
    String user = newUserId();
    String bearer = TestAuth.shared().mint(user, "<b>Eve</b>", List.of());
    for (int i = 0; i < ACTIONS_EACH; i++) {
      Response response = complete(bearer, startAction(bearer, "COMPLETE_LEVEL"));
      assertThat(response.status()).isEqualTo(200);
    }
    assertThat(
            jdbc.sql("SELECT display_name FROM users WHERE id = ?")
                .param(user)
                .query(String.class)
                .single())
        .isEqualTo("bEveb");
  }

  private OutboxRelay newRelay() {
    return TestRelays.relay(jdbc, transactions, kafka, topic, BATCH, Duration.ofSeconds(30));
  }
}
