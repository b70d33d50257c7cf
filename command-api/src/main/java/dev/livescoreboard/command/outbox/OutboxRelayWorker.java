package dev.livescoreboard.command.outbox;

import dev.livescoreboard.command.system.DedicatedThread;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OutboxRelay} on one dedicated thread that sleeps until the relay is woken ({@link
 * OutboxRelay#wake()}, after a commit of this instance) or the fallback poll interval passes, then
 * drains the outbox. Wake-ups coalesce: any number of them while a drain runs are claimed by that
 * drain or cause exactly one more, so a commit that lands after the drain's last claim is never
 * left waiting for the fallback poll. A woken drain that finds the lock held by another instance's
 * relay keeps its wake-up and tries again after the lock-busy retry delay.
 */
class OutboxRelayWorker extends DedicatedThread {

  private static final Logger log = LoggerFactory.getLogger(OutboxRelayWorker.class);

  private final OutboxRelay relay;
  private final OutboxRelaySettings settings;

  OutboxRelayWorker(OutboxRelay relay, OutboxRelaySettings settings) {
    super("outbox-relay", settings.sendTimeout());
    this.relay = relay;
    this.settings = settings;
  }

  @Override
  protected void loop() {
    // Rows may have been committed while no relay ran.
    relay.wake();
    while (isRunning()) {
      try {
        boolean woken = relay.awaitRows(settings.fallbackPoll());
        if (relay.drain().lockBusy() && woken) {
          // The holder may have made its last claim before our rows committed.
          retryAfter(settings.lockBusyRetry());
        }
      } catch (InterruptedException e) {
        if (isRunning()) {
          log.warn("outbox relay interrupted while running; continuing");
        }
      } catch (RuntimeException e) {
        log.warn(
            "outbox relay failed, retrying in {}: {}", settings.failureBackoff(), e.toString());
        retryAfter(settings.failureBackoff());
      }
    }
  }

  /** Pauses, then drains again; wake-ups that arrive meanwhile are kept. */
  private void retryAfter(Duration pause) {
    try {
      TimeUnit.NANOSECONDS.sleep(pause.toNanos());
      relay.wake();
    } catch (InterruptedException e) {
      // Stopping.
    }
  }
}
