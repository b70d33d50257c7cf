package dev.livescoreboard.projector.kafka;

import dev.livescoreboard.projector.projection.RecordTraces;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * One log line per failed attempt and per dead letter, without stack traces: during a Redis outage
 * a partition retries every few seconds, and the failure counter carries the volume. Each line
 * carries the record's trace id ({@link RecordTraces}).
 */
class LoggingRetryListener implements RetryListener {

  private static final Logger log = LoggerFactory.getLogger(LoggingRetryListener.class);

  @Override
  public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
    logAbout(
        record,
        () ->
            log.warn(
                "apply of {}-{}@{} failed (attempt {}): {}",
                record.topic(),
                record.partition(),
                record.offset(),
                attempt,
                rootMessage(failure)));
  }

  @Override
  public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
    logAbout(
        record,
        () ->
            log.error(
                "{}-{}@{} sent to the dead-letter topic: {}",
                record.topic(),
                record.partition(),
                record.offset(),
                rootMessage(failure)));
  }

  /** Writes {@code line} with the record's trace id in the logging context. */
  private static void logAbout(ConsumerRecord<?, ?> record, Runnable line) {
    RecordTraces.log(RecordTraces.traceId(record));
    try {
      line.run();
    } finally {
      RecordTraces.log(null);
    }
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
