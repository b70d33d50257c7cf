package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.testsupport.TestAuth;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A backlog in the outbox (Kafka was away while players kept scoring) is relayed in batches and
 * transactions no larger than configured, so the relay's memory and its transactions stay bounded
 * however long the lag; every row is published once, in commit order per key.
 */
@TestPropertySource(
    properties = {"scoreboard.outbox.relay.enabled=false", "scoreboard.users.auto-register=true"})
// Leaves rows and records behind in a context OutboxRelayConcurrencyIT would otherwise share.
@DirtiesContext
class OutboxRelayBacklogIT extends CommandApiTestBase {

  private static final int PLAYERS = 20;
  private static final int COMPLETES_EACH = 4;
  private static final int BATCH_SIZE = 7;
  private static final int ROWS_PER_TRANSACTION = 3 * BATCH_SIZE;

  @Autowired TransactionTemplate transactions;
  @Autowired KafkaTemplate<String, byte[]> kafka;

  @Test
  void aBacklogIsRelayedInBoundedBatchesAndTransactionsEachRowOnceInOrder() {
    // Startup's board announcements and first season are part of the backlog too.
    TestRelays.awaitStartupWrites(jdbc);
    long startupRows = count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
    Map<String, List<Long>> scoresByKey = new LinkedHashMap<>();
    for (int player = 0; player < PLAYERS; player++) {
      String user = newUserId();
      String bearer = TestAuth.shared().mint(user, "Player", List.of());
      List<Long> scores = new ArrayList<>();
      for (int i = 0; i < COMPLETES_EACH; i++) {
        var done = complete(bearer, startAction(bearer, "COMPLETE_LEVEL"));
        assertThat(done.status()).isEqualTo(200);
        scores.add(done.body().path("newScore").asLong());
      }
      scoresByKey.put("global:" + user, scores);
    }
    long backlog = count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
    assertThat(backlog).isEqualTo(startupRows + PLAYERS * COMPLETES_EACH);

    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    OutboxRelay relay =
        TestRelays.relay(
            jdbc,
            transactions,
            kafka,
            topic,
            new OutboxRelaySettings(
                true,
                Duration.ofSeconds(1),
                Duration.ofMillis(10),
                BATCH_SIZE,
                ROWS_PER_TRANSACTION,
                Duration.ofSeconds(30),
                Duration.ofSeconds(1)),
            meters);

    assertThat((long) relay.drain().published()).isEqualTo(backlog);

    assertThat(count("SELECT count(*) FROM outbox WHERE published_at IS NULL")).isZero();
    DistributionSummary batches = meters.get("scoreboard.outbox.batch.size").summary();
    assertThat(batches.max()).isLessThanOrEqualTo(BATCH_SIZE);
    assertThat((long) batches.totalAmount()).isEqualTo(backlog);
    // Each transaction claims at most ROWS_PER_TRANSACTION rows, so it takes at least this many.
    assertThat(meters.get("scoreboard.outbox.round").timer().count())
        .isGreaterThanOrEqualTo((backlog + ROWS_PER_TRANSACTION - 1) / ROWS_PER_TRANSACTION);

    Map<String, List<Long>> published = new LinkedHashMap<>();
    try (TopicReader reader = new TopicReader(topic)) {
      for (ConsumerRecord<String, byte[]> record : reader.readToEnd()) {
        if (scoresByKey.containsKey(record.key())) {
          ScoreChanged event =
              EventJson.fromJson(
                  new String(record.value(), StandardCharsets.UTF_8), ScoreChanged.class);
          published.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(event.newScore());
        }
      }
    }
    assertThat(published).isEqualTo(scoresByKey);
  }
}
