package dev.livescoreboard.command.outbox;

import dev.livescoreboard.events.BoardIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Relays built by hand, for tests that run their own instead of (or next to) the application's. */
final class TestRelays {

  private TestRelays() {}

  /**
   * Publishes what startup wrote, so that a test starts with an empty outbox: the boards the
   * migrations announce, and the default board's first season ({@link #awaitStartupWrites}).
   */
  static void drainStartup(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      String topic) {
    awaitStartupWrites(jdbc);
    relay(jdbc, transactions, kafka, topic, 100, Duration.ofSeconds(30)).drain();
  }

  /**
   * Waits until the rollover job, which runs just after startup, has started the default board's
   * first season, the last outbox row startup writes, so that row cannot land mid-test.
   */
  static void awaitStartupWrites(JdbcClient jdbc) {
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                jdbc.sql("SELECT count(*) FROM seasons WHERE board_id = ?")
                        .param(BoardIds.DEFAULT_BOARD)
                        .query(Long.class)
                        .single()
                    > 0);
  }

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
