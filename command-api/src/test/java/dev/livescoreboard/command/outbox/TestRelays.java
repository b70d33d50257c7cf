package dev.livescoreboard.command.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Relays built by hand, for tests that run their own instead of (or next to) the application's. */
final class TestRelays {

  private TestRelays() {}

  static OutboxRelaySettings settings(int batchSize, Duration sendTimeout, Duration fallbackPoll) {
    return new OutboxRelaySettings(
        true,
        fallbackPoll,
        Duration.ofMillis(10),
        batchSize,
        batchSize * 10,
        sendTimeout,
        Duration.ofSeconds(1));
  }

  static OutboxRelay relay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      int batchSize,
      Duration sendTimeout) {
    return relay(
        jdbc, transactions, kafka, topic, settings(batchSize, sendTimeout, Duration.ofSeconds(1)));
  }

  static OutboxRelay relay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      OutboxRelaySettings settings) {
    return relay(jdbc, transactions, kafka, topic, settings, new SimpleMeterRegistry());
  }

  static OutboxRelay relay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic,
      OutboxRelaySettings settings,
      MeterRegistry meters) {
    return new OutboxRelay(
        jdbc,
        transactions,
        kafka,
        topic,
        settings,
        new OutboxRelayMetrics(meters),
        Clock.systemUTC());
  }
}
