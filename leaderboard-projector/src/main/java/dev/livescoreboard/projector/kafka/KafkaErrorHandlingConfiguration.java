package dev.livescoreboard.projector.kafka;

import dev.livescoreboard.events.ScoreboardEvent;
import dev.livescoreboard.events.ScoreboardEventSerializer;
import dev.livescoreboard.projector.projection.InvalidScoreEventException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka error handling, declared once (STYLE #6): Boot wires the {@link DefaultErrorHandler} bean
 * into the listener container factory.
 *
 * <ul>
 *   <li>Transient failures (Redis unreachable, timeouts) are retried with exponential back-off and
 *       no attempt limit: the offset is not committed, nothing is skipped.
 *   <li>Poison records (not deserializable, or an {@link InvalidScoreEventException}) are not
 *       retryable and go to {@code <topic>.DLT} with the original bytes and the exception in
 *       headers; then the partition moves on.
 *   <li>Every dead letter is counted ({@code scoreboard.projector.dead.letters}) and logged with
 *       the trace id of the record it carries.
 *   <li>The listener consumes batches and names the failing record with a {@code
 *       BatchListenerFailedException}: the records before it are committed, the failing one is
 *       retried or dead-lettered as above, the rest are delivered again.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class KafkaErrorHandlingConfiguration {

  @Bean
  NewTopic deadLetterTopic(KafkaSettings settings) {
    // Replication is left to the broker default so the same declaration fits dev and prod.
    return TopicBuilder.name(settings.deadLetterTopic()).partitions(1).build();
  }

  /**
   * Producer for dead letters: raw bytes of undeserializable records, the {@link ScoreboardEvent}
   * JSON for events that deserialized but cannot be projected.
   */
  @Bean
  ProducerFactory<String, Object> deadLetterProducerFactory(KafkaProperties properties) {
    Map<Class<?>, Serializer<?>> byType =
        Map.of(
            byte[].class,
            new ByteArraySerializer(),
            ScoreboardEvent.class,
            new ScoreboardEventSerializer());
    return new DefaultKafkaProducerFactory<>(
        properties.buildProducerProperties(),
        new StringSerializer(),
        // Assignable: the values are the records implementing ScoreboardEvent.
        new DelegatingByTypeSerializer(byType, true));
  }

  @Bean
  KafkaTemplate<String, Object> deadLetterTemplate(ProducerFactory<String, Object> factory) {
    return new KafkaTemplate<>(factory);
  }

  @Bean
  DefaultErrorHandler scoreEventErrorHandler(
      KafkaTemplate<String, Object> deadLetterTemplate,
      KafkaSettings settings,
      MeterRegistry registry) {
    // Partition -1: let the producer choose, so the DLT needs no more partitions than it has.
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            deadLetterTemplate,
            (record, failure) -> new TopicPartition(settings.deadLetterTopic(), -1));
    // The batch listener wraps the poison's cause in BatchListenerFailedException (inside
    // ListenerExecutionFailedException); the dead letter's headers should name the cause itself.
    ConsumerAwareRecordRecoverer unwrapping =
        (record, consumer, failure) -> recoverer.accept(record, consumer, poisonCause(failure));
    DefaultErrorHandler handler = new DefaultErrorHandler(unwrapping, backOff(settings.retry()));
    // Deserialization failures are already not retryable by default.
    handler.addNotRetryableExceptions(InvalidScoreEventException.class);
    handler.setRetryListeners(new LoggingRetryListener(), new DeadLetterCounter(registry));
    return handler;
  }

  /** The exception the listener failed with, without spring-kafka's wrappers. */
  static Exception poisonCause(Exception failure) {
    Exception cause = failure;
    while ((cause instanceof ListenerExecutionFailedException
            || cause instanceof BatchListenerFailedException)
        && cause.getCause() instanceof Exception inner) {
      cause = inner;
    }
    return cause;
  }

  static ExponentialBackOff backOff(KafkaSettings.Retry retry) {
    ExponentialBackOff backOff =
        new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Long.MAX_VALUE);
    return backOff;
  }
}
