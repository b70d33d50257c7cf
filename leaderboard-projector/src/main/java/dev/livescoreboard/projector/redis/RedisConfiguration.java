package dev.livescoreboard.projector.redis;

import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.events.LeaderboardKeys;
import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The pooled, thread-safe Redis client, the key layout shared with the gateway, and the shared
 * revocation list (read only: the admin endpoints refuse revoked tokens).
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  /** The listener, a rebuild, the audit and the scheduled checks each hold one at a time. */
  private static final int MAX_CONNECTIONS = 8;

  /**
   * Connects lazily: the service starts while Redis is down and the consumer retries. Every wait
   * (connect, read, a pooled connection) ends after {@code scoreboard.redis.timeout}, so a hung
   * Redis fails the call instead of holding the listener thread.
   */
  @Bean(destroyMethod = "close")
  RedisClient redisClient(RedisSettings settings) {
    return open(settings, settings.timeout(), MAX_CONNECTIONS);
  }

  @Bean
  LeaderboardKeys leaderboardKeys(RedisSettings settings) {
    return new LeaderboardKeys(settings.keyPrefix());
  }

  @Bean
  RevocationStore revocationStore(RedisClient redis, RedisSettings settings) {
    return new RevocationStore(redis, new RevocationKeys(settings.keyPrefix()));
  }

  /** A client of {@code settings.url()} whose every wait ends after {@code timeout}. */
  static RedisClient open(RedisSettings settings, Duration timeout, int maxConnections) {
    URI uri = URI.create(settings.url());
    if (!JedisURIHelper.isValid(uri)) {
      throw new IllegalArgumentException("scoreboard.redis.url is not a redis:// URL");
    }
    int millis = Math.toIntExact(timeout.toMillis());
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(millis)
            .socketTimeoutMillis(millis)
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .clientName("leaderboard-projector")
            .build();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(maxConnections);
    pool.setMaxIdle(maxConnections);
    pool.setMaxWait(timeout);
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(config)
        .poolConfig(pool)
        .build();
  }
}
