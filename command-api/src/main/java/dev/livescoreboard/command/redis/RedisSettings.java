package dev.livescoreboard.command.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where command-api keeps its Redis state (rate-limit windows, revoked token ids), {@code
 * scoreboard.redis.*}.
 *
 * @param url {@code redis://[user:password@]host:port[/db]} ({@code SCOREBOARD_REDIS_URL})
 * @param keyPrefix prepended to every key ({@code SCOREBOARD_REDIS_KEY_PREFIX}), empty in
 *     production; command-api's keys never start with the projector's {@code lb:}
 * @param timeout connect, read and pool-wait timeout of one command; short, because every caller
 *     has an in-process fallback and a slow Redis must not slow down the write path
 * @param retryInterval after a failure, how long callers skip Redis before trying it again
 */
@ConfigurationProperties("scoreboard.redis")
public record RedisSettings(
    String url, String keyPrefix, Duration timeout, Duration retryInterval) {

  public RedisSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("scoreboard.redis.url must be set");
    }
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
    timeout = timeout == null ? Duration.ofMillis(250) : timeout;
    retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
    if (timeout.isNegative() || timeout.isZero() || retryInterval.isNegative()) {
      throw new IllegalArgumentException("scoreboard.redis.timeout must be positive");
    }
  }

  /** {@code keyPrefix + name}. */
  public String key(String name) {
    return keyPrefix + name;
  }
}
