package dev.livescoreboard.command.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The score events topic and the relay that feeds it, woken by NOTIFY. */
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

  /**
   * The listener's connection comes straight from the driver, outside the Hikari pool: a LISTENing
   * connection must stay open and must never be handed to a request.
   */
  @Bean
  @ConditionalOnBooleanProperty(name = "scoreboard.outbox.relay.enabled", matchIfMissing = true)
  @ConditionalOnBooleanProperty(name = "scoreboard.outbox.listener.enabled", matchIfMissing = true)
  OutboxNotificationListener outboxNotificationListener(
      DataSourceProperties dataSource,
      OutboxListenerSettings settings,
      @Value("${" + WriterTag.PROPERTY + ":}") String writerTag,
      OutboxRelay relay) {
    SimpleDriverDataSource direct =
        dataSource.initializeDataSourceBuilder().type(SimpleDriverDataSource.class).build();
    return new OutboxNotificationListener(direct, settings, writerTag, relay::wake);
  }
}
