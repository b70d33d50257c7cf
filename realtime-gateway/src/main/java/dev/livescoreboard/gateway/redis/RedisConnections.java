package dev.livescoreboard.gateway.redis;

import java.net.URI;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** The gateway's Redis client, with timeouts that let a read fail fast when Redis is not there. */
public final class RedisConnections {

  /**
   * Connect and read timeout of every command (the subscription waits without one: Jedis lifts it
   * while subscribed). A read of the read model takes well under a millisecond; a rank read makes
   * two round trips, so a down or hung Redis turns into a 503 within about a second instead of
   * Jedis's default two seconds per step.
   */
  static final Duration TIMEOUT = Duration.ofMillis(400);

  /** Enough for the blocking pool's threads plus the two subscribers' connections. */
  private static final int MAX_CONNECTIONS = 16;

  private RedisConnections() {}

  /** A pooled client of {@code url} ({@code redis://[user:password@]host:port[/db]}). */
  public static RedisClient open(URI url) {
    if (!JedisURIHelper.isValid(url)) {
      throw new IllegalArgumentException("not a redis:// URL: " + url);
    }
    int timeout = (int) TIMEOUT.toMillis();
    DefaultJedisClientConfig config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .user(JedisURIHelper.getUser(url))
            .password(JedisURIHelper.getPassword(url))
            .database(JedisURIHelper.getDBIndex(url))
            .ssl(JedisURIHelper.isRedisSSLScheme(url))
            .clientName("realtime-gateway")
            .build();
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(MAX_CONNECTIONS);
    pool.setMaxIdle(MAX_CONNECTIONS);
    pool.setMaxWait(TIMEOUT);
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(url))
        .clientConfig(config)
        .poolConfig(pool)
        .build();
  }
}
