package dev.livescoreboard.projector.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the read model lives.
 *
 * @param url {@code redis://[user:password@]host:port[/db]}
 * @param keyPrefix prepended to every key and channel, so several deployments or test runs can
 *     share one Redis; empty in production
 */
@ConfigurationProperties("scoreboard.redis")
record RedisSettings(String url, String keyPrefix) {

  RedisSettings {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("scoreboard.redis.url must be set");
    }
    keyPrefix = keyPrefix == null ? "" : keyPrefix;
  }
}
