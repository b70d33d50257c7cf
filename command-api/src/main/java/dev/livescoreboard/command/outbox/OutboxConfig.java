package dev.livescoreboard.command.outbox;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The score events topic and the relay that feeds it. */
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
      OutboxRelaySettings settings) {
    return new OutboxRelay(
        jdbc, transactions, kafka, topic.topic(), settings.batchSize(), settings.sendTimeout());
  }
}
