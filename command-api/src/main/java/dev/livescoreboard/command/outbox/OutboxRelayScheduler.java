package dev.livescoreboard.command.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link OutboxRelay} on the scheduler thread with a fixed delay; after a failure it
 * waits {@code failure-backoff} before trying again. A later wake-up source (LISTEN/NOTIFY) can
 * call {@link #poll()} too: it is safe to call from any thread since the relay serializes itself
 * through the database lock.
 */
@Component
@ConditionalOnBooleanProperty(name = "scoreboard.outbox.relay.enabled", matchIfMissing = true)
class OutboxRelayScheduler {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelayScheduler.class);

  private final OutboxRelay relay;
  private final OutboxRelaySettings settings;
  private final Clock clock;
  private final Counter published;
  private final Counter failures;
  private volatile Instant pausedUntil = Instant.MIN;

  OutboxRelayScheduler(
      OutboxRelay relay, OutboxRelaySettings settings, Clock clock, MeterRegistry meters) {
    this.relay = relay;
    this.settings = settings;
    this.clock = clock;
    this.published = meters.counter("scoreboard.outbox.published");
    this.failures = meters.counter("scoreboard.outbox.failures");
  }

  @Scheduled(fixedDelayString = "${scoreboard.outbox.relay.poll-interval}")
  void poll() {
    if (clock.instant().isBefore(pausedUntil)) {
      return;
    }
    try {
      published.increment(relay.drain());
    } catch (RuntimeException e) {
      failures.increment();
      pausedUntil = clock.instant().plus(settings.failureBackoff());
      log.warn("outbox relay failed, retrying in {}: {}", settings.failureBackoff(), e.toString());
    }
  }
}
