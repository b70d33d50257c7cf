package dev.livescoreboard.command.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Relays built by hand, for tests that run their own instead of the application's worker. */
final class TestRelays {

  private TestRelays() {}

  static OutboxRelay relay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      int batchSize,
      Duration sendTimeout) {
    OutboxRelaySettings settings =
        new OutboxRelaySettings(
            true,
            Duration.ofSeconds(1),
            batchSize,
            batchSize * 10,
            sendTimeout,
            Duration.ofSeconds(1));
    return new OutboxRelay(
        jdbc,
        transactions,
        kafka,
        topic,
        settings,
        new OutboxRelayMetrics(new SimpleMeterRegistry()),
        Clock.systemUTC());
  }
}
