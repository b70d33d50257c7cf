package dev.livescoreboard.projector.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the read model lives, and how long the projector waits for it.
 *
 * @param url {@code redis://[user:password@]host:port[/db]}
 * @param keyPrefix prepended to every key and channel, so several deployments or test runs can
 *     share one Redis; empty in production
 * @param timeout connect, read and pool-wait timeout of every command of the projector's client
 * @param healthTimeout connect and read timeout of the health check's PING, on a connection of its
 *     own
 */
@ConfigurationProperties("scoreboard.redis")
record RedisSettings(String url, String keyPrefix, Duration timeout, Duration healthTimeout) {

  RedisSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("scoreboard.redis.url must be set");
    }
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    healthTimeout = healthTimeout == null ? Duration.ofSeconds(1) : healthTimeout;
    if (isNotPositive(timeout) || isNotPositive(healthTimeout)) {
      throw new IllegalArgumentException("scoreboard.redis timeouts must be positive");
    }
  }

  private static boolean isNotPositive(Duration duration) {
    return duration.isNegative() || duration.isZero();
  }
}
