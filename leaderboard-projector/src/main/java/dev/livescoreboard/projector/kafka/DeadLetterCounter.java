package dev.livescoreboard.projector.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RetryListener;

/**
 * Counts the records this instance sent to the dead-letter topic ({@value #METRIC}): the error
 * handler reports a record as recovered only once its dead letter was acknowledged. Registered at
 * startup, so a healthy projector exports 0 rather than no series.
 */
class DeadLetterCounter implements RetryListener {

  static final String METRIC = "scoreboard.projector.dead.letters";

  private final Counter sent;

  DeadLetterCounter(MeterRegistry registry) {
    this.sent =
        Counter.builder(METRIC)
            .description("Records sent to the dead-letter topic <topic>.DLT (never retried)")
            .register(registry);
  }

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
    // Retried attempts are LoggingRetryListener's; only dead letters are counted here.
  }

  @Override
  public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
    sent.increment();
  }
}
