package dev.livescoreboard.command.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The score events topic, the relay that feeds it and the purge of its published rows. */
@Configuration
class OutboxConfig {

  /** Created at startup if missing (Spring's KafkaAdmin); never shrunk. */
  @Bean
  NewTopic scoreEventsTopic(KafkaTopicSettings settings) {
    return TopicBuilder.name(settings.topic())
        .partitions(settings.partitions())
        .replicas(settings.replicationFactor())
        .build();
  }

  @Bean
  OutboxRelay outboxRelay(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      KafkaTemplate<String, byte[]> kafka,
      KafkaTopicSettings topic,
      OutboxRelaySettings settings,
      MeterRegistry meters,
      Clock clock) {
    return new OutboxRelay(
        jdbc, transactions, kafka, topic.topic(), settings, new OutboxRelayMetrics(meters), clock);
  }

  @Bean
  @ConditionalOnBooleanProperty(name = "scoreboard.outbox.relay.enabled", matchIfMissing = true)
  OutboxRelayWorker outboxRelayWorker(OutboxRelay relay, OutboxRelaySettings settings) {
    return new OutboxRelayWorker(relay, settings);
  }
}
