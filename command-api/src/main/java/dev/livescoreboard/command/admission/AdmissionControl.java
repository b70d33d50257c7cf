package dev.livescoreboard.command.admission;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The limiter of the write endpoints: an adaptive Gradient2 limit of concurrent requests with a
 * bounded LIFO backlog in front (see the package doc for why these).
 */
@Component
class AdmissionControl {

  /** What a permit is for: only a complete may wait for one. */
  private enum Write {
    START,
    COMPLETE
  }

  private final SimpleLimiter<Write> limiter;
  private final Limiter<Write> waitingLimiter;
  private final AtomicInteger acquiring = new AtomicInteger();

  AdmissionControl(AdmissionSettings settings) {
    this.limiter =
        SimpleLimiter.newBuilder()
            .named("command-api-writes")
            .limit(
                Gradient2Limit.newBuilder()
                    .initialLimit(settings.initialLimit())
                    .minLimit(settings.minLimit())
                    .maxConcurrency(settings.maxLimit())
                    .build())
            .build();
    this.waitingLimiter =
        LifoBlockingLimiter.newBuilder(limiter)
            .backlogSize(settings.backlog())
            .backlogTimeout(
                write -> write == Write.COMPLETE ? settings.maxWait().toMillis() : 0L,
                TimeUnit.MILLISECONDS)
            .build();
  }

  /**
   * A permit for a start: at once or never (empty), so that under overload a new action never takes
   * a permit a waiting complete would have had. The caller must end a permit exactly once: {@code
   * onSuccess} (a latency sample), {@code onDropped} (the work behind timed out) or {@code
   * onIgnore} (no sample).
   */
  Optional<Limiter.Listener> admitStart() {
    // Through the backlog's limiter too, though it never waits there: only its permits wake the
    // next waiting complete when they end.
    return waitingLimiter.acquire(Write.START);
  }

  /**
   * A permit for a complete: at once or after waiting at most {@code max-wait} in the backlog;
   * empty when none could be had. Ended like {@link #admitStart()}'s.
   */
  Optional<Limiter.Listener> admitComplete() {
    acquiring.incrementAndGet();
    try {
      return waitingLimiter.acquire(Write.COMPLETE);
    } finally {
      acquiring.decrementAndGet();
    }
  }

  /** The current limit of concurrent admitted requests. */
  int limit() {
    return limiter.getLimit();
  }

  /** Requests holding a permit. */
  int inFlight() {
    return limiter.getInflight();
  }

  /** Completes asking for a permit right now, almost all of them waiting in the backlog. */
  int waiting() {
    return acquiring.get();
  }
}
