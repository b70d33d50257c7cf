package dev.livescoreboard.command.admission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Admission control of the player write endpoints ({@code scoreboard.admission.*}).
 *
 * @param initialLimit concurrent admitted requests at start, before any latency was measured
 * @param minLimit the limit never shrinks below this, however latency grows
 * @param maxLimit the limit never grows above this; with {@code backlog} below the Tomcat thread
 *     count
 * @param backlog completes that may wait for a permit at once; more are refused at once
 * @param maxWait the longest a complete waits for a permit before it is refused (a start never
 *     waits)
 * @param retryAfter the {@code Retry-After} of a refusal, whole seconds (rounded up)
 */
@ConfigurationProperties("scoreboard.admission")
record AdmissionSettings(
    int initialLimit,
    int minLimit,
    int maxLimit,
    int backlog,
    Duration maxWait,
    Duration retryAfter) {

  AdmissionSettings {
    if (minLimit < 1 || initialLimit < minLimit || maxLimit < initialLimit) {
      throw new IllegalArgumentException(
          "scoreboard.admission: need 1 <= min-limit <= initial-limit <= max-limit");
    }
    if (backlog < 0) {
      throw new IllegalArgumentException("scoreboard.admission.backlog must not be negative");
    }
    maxWait = maxWait == null ? Duration.ofMillis(100) : maxWait;
    retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
    if (maxWait.isNegative() || retryAfter.isNegative() || retryAfter.isZero()) {
      throw new IllegalArgumentException(
          "scoreboard.admission: max-wait must not be negative, retry-after must be positive");
    }
  }

  /** {@link #retryAfter()} as the header value: whole seconds, at least 1. */
  String retryAfterSeconds() {
    long millis = retryAfter.toMillis();
    return Long.toString(Math.max(1, (millis + 999) / 1000));
  }
}
