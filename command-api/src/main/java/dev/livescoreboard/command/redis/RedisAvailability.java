package dev.livescoreboard.command.redis;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether Redis is worth asking right now: a tiny circuit breaker shared by every Redis caller of
 * the module. After a failure callers skip Redis for {@code scoreboard.redis.retry-interval} and
 * use their fallback, so an outage costs one timeout per interval instead of one per request. Logs
 * one warning when an outage starts and one line when Redis answers again. Thread-safe.
 */
@Component
public class RedisAvailability {

  private static final Logger log = LoggerFactory.getLogger(RedisAvailability.class);

  private final long retryIntervalMillis;
  private final Clock clock;
  private final AtomicBoolean down = new AtomicBoolean();
  private final AtomicLong nextAttemptAt = new AtomicLong();

  public RedisAvailability(RedisSettings settings, Clock clock) {
    this.retryIntervalMillis = settings.retryInterval().toMillis();
    this.clock = clock;
  }

  /** False while a recent failure says Redis is down and the retry interval has not passed. */
  public boolean shouldTry() {
    return !down.get() || clock.millis() >= nextAttemptAt.get();
  }

  /** Records a failed command; {@code purpose} names the caller in the outage warning. */
  public void failed(String purpose, RuntimeException e) {
    nextAttemptAt.set(clock.millis() + retryIntervalMillis);
    if (down.compareAndSet(false, true)) {
      log.warn(
          "Redis unavailable ({}: {}); using in-process fallbacks until it answers again",
          purpose,
          e.toString());
    }
  }

  /** Records a successful command, ending an outage. */
  public void succeeded() {
    if (down.compareAndSet(true, false)) {
      log.info("Redis answers again; leaving the in-process fallbacks");
    }
  }

  /** Whether the last command failed. */
  public boolean isDown() {
    return down.get();
  }
}
