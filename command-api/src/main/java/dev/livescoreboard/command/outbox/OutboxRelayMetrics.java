package dev.livescoreboard.command.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The relay's meters: how long a committed row waits before Kafka acknowledges it, how long one
 * relay transaction and one batch's Kafka send take (which explain the lag), how big the batches
 * are, how many rows and failures there were, and how often the lock was held by another relay.
 */
final class OutboxRelayMetrics {

  private final Timer lag;
  private final Timer round;
  private final Timer send;
  private final DistributionSummary batchSize;
  private final Counter published;
  private final Counter failures;
  private final Counter lockBusy;

  OutboxRelayMetrics(MeterRegistry registry) {
    lag =
        latency(
                "scoreboard.outbox.lag",
                "Kafka acknowledgement time minus the outbox row's insert, just before its commit")
            .publishPercentiles(0.5, 0.9, 0.99, 0.999)
            .register(registry);
    round =
        latency(
                "scoreboard.outbox.round",
                "One relay transaction, from its first claim to its commit")
            .register(registry);
    send =
        latency(
                "scoreboard.outbox.send",
                "Sending one batch to Kafka until every record is acknowledged")
            .register(registry);
    batchSize =
        DistributionSummary.builder("scoreboard.outbox.batch.size")
            .description("Rows per claim, sent to Kafka as one batch")
            .baseUnit("rows")
            .publishPercentiles(0.5, 0.9, 0.99)
            .register(registry);
    published =
        Counter.builder("scoreboard.outbox.published")
            .description("Outbox rows published to Kafka")
            .register(registry);
    failures =
        Counter.builder("scoreboard.outbox.failures")
            .description("Relay transactions that failed and were rolled back")
            .register(registry);
    lockBusy =
        Counter.builder("scoreboard.outbox.lock.busy")
            .description("Relay transactions that found another relay holding the lock")
            .register(registry);
  }

  /** A timer with Prometheus buckets from 1 ms to 30 s: quantiles over any window can be taken. */
  private static Timer.Builder latency(String name, String description) {
    return Timer.builder(name)
        .description(description)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30));
  }

  void batchPublished(int rows) {
    batchSize.record(rows);
    published.increment(rows);
  }

  void lag(long micros) {
    // Clamped: created_at comes from the database clock, the ack time from ours.
    lag.record(Math.max(0, micros), TimeUnit.MICROSECONDS);
  }

  void round(long nanos) {
    round.record(nanos, TimeUnit.NANOSECONDS);
  }

  void send(long nanos) {
    send.record(nanos, TimeUnit.NANOSECONDS);
  }

  void failed() {
    failures.increment();
  }

  void lockBusy() {
    lockBusy.increment();
  }
}
