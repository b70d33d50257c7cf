package dev.livescoreboard.command.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code scoreboard.health.*}.
 *
 * @param timeout the longest a health component waits for its dependency before it reports {@code
 *     DOWN} ({@link BoundedHealthIndicator})
 */
@ConfigurationProperties("scoreboard.health")
public record HealthSettings(Duration timeout) {

  public HealthSettings {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("scoreboard.health.timeout must be positive");
    }
  }
}
