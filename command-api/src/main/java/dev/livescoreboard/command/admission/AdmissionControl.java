package dev.livescoreboard.command.admission;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.LifoBlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The limiter of the write endpoints: an adaptive Gradient2 limit of concurrent requests with a
 * bounded LIFO backlog in front (see the package doc for why these).
 */
@Component
class AdmissionControl {

  private final SimpleLimiter<Void> limiter;
  private final Limiter<Void> waitingLimiter;
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
            .backlogTimeoutMillis(settings.maxWait().toMillis())
            .build();
  }

  /**
   * A permit, at once or after waiting at most {@code max-wait}; empty when none could be had. The
   * caller must end a permit exactly once: {@code onSuccess} (a latency sample), {@code onDropped}
   * (the work behind timed out) or {@code onIgnore} (no sample).
   */
  Optional<Limiter.Listener> acquire() {
    acquiring.incrementAndGet();
    try {
      return waitingLimiter.acquire(null);
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

  /** Requests asking for a permit right now, almost all of them waiting in the backlog. */
  int waiting() {
    return acquiring.get();
  }
}
