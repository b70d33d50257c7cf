package dev.livescoreboard.command.outage;

import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import dev.livescoreboard.infra.servers.KafkaBrokerProcess;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestKafka;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Kafka hangs under a running command-api (its own broker JVM, frozen with SIGSTOP): completes are
 * still committed and answered within SPEC §10's 5 s, the outbox relay gives up on the batch it
 * cannot get acknowledged and tries again instead of blocking, and after SIGCONT the backlog
 * reaches the topic with nothing lost. The relay's and producer's timeouts are shortened here so
 * the test takes seconds; production's are the same mechanism with longer values (application.yml).
 */
// Its server is closed after the class: the context, which talks to it, goes with it.
@DirtiesContext
@TestPropertySource(
    properties = {
      "scoreboard.outbox.relay.send-timeout=3s",
      "scoreboard.outbox.relay.failure-backoff=200ms",
      "spring.kafka.producer.properties.request.timeout.ms=2000",
      "spring.kafka.producer.properties.delivery.timeout.ms=3000",
      "spring.kafka.producer.properties.max.block.ms=3000"
    })
class KafkaHungIT extends CommandApiTestBase {

  private static final KafkaBrokerProcess KAFKA = TestKafka.startOwnBroker("kafka-hung", 1);

  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void ownKafka(DynamicPropertyRegistry registry) {
    registry.add("spring.kafka.bootstrap-servers", KAFKA::bootstrapServers);
  }

  @AfterAll
  static void stopKafka() {
    KAFKA.close();
  }

  @Test
  void completesAreCommittedWhileKafkaHangsAndTheBacklogIsPublishedAfter() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);
    Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
    double failuresBefore = relayFailures();

    try (FrozenProcess hung = FrozenProcess.freeze(KAFKA.pid())) {
      for (int i = 0; i < 3; i++) {
        String token = startAction(bearer, "COMPLETE_LEVEL");
        assertThat(within(() -> complete(bearer, token)).status()).isEqualTo(200);
      }
      assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(4);
      // The relay is not stuck on the batch Kafka never acknowledges: it gives up and retries.
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> relayFailures() >= failuresBefore + 2);
      assertThat(unpublished()).as("the backlog").isPositive();
      assertThat(within(() -> get("/actuator/health")).status()).isIn(200, 503);
    }

    Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> unpublished() == 0);
    Set<String> eventIds =
        new HashSet<>(
            jdbc.sql("SELECT id::text FROM score_events WHERE user_id = ?")
                .param(user)
                .query(String.class)
                .list());
    try (TopicReader reader = new TopicReader(KAFKA.bootstrapServers(), topic)) {
      reader.readUntil(
          records -> TopicReader.scoreEventIds(records, "global:" + user).containsAll(eventIds));
    }
  }

  private double relayFailures() {
    return meters.counter("scoreboard.outbox.failures").count();
  }

  private long unpublished() {
    return count("SELECT count(*) FROM outbox WHERE published_at IS NULL");
  }
}
