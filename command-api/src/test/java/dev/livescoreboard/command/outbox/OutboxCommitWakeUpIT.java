package dev.livescoreboard.command.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * With an hour between fallback polls, a row this instance commits is still published at once: the
 * writing thread wakes the relay after its commit.
 */
@TestPropertySource(
    properties = {
      "scoreboard.outbox.relay.fallback-poll=1h",
      "scoreboard.users.auto-register=true"
    })
class OutboxCommitWakeUpIT extends CommandApiTestBase {

  @Test
  void committedRowWakesThisInstancesRelay() {
    String user = newUserId();
    String bearer = tokenFor(user);
    assertThat(complete(bearer, startAction(bearer, "COMPLETE_LEVEL")).status()).isEqualTo(200);

    try (TopicReader reader = new TopicReader(topic)) {
      // readUntil gives up after a minute, far below the hour of the fallback poll.
      assertThat(
              reader.readUntil(
                  records -> records.stream().anyMatch(r -> r.key().equals("global:" + user))))
          .extracting(ConsumerRecord::key)
          .contains("global:" + user);
    }
  }
}
