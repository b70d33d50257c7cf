package dev.livescoreboard.command.redis;

import java.net.URI;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** The module's one pooled, thread-safe Redis client. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  /**
   * Connects lazily, so the service starts while Redis is down. Every timeout (connect, read,
   * waiting for a pooled connection) is the short {@code scoreboard.redis.timeout}.
   */
  @Bean(destroyMethod = "close")
  RedisClient redisClient(RedisSettings settings) {
    URI uri = URI.create(settings.url());
    if (!JedisURIHelper.isValid(uri)) {
      throw new IllegalArgumentException("scoreboard.redis.url is not a redis:// URL");
    }
    int timeout = (int) settings.timeout().toMillis();
    DefaultJedisClientConfig.Builder config =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(timeout)
            .socketTimeoutMillis(timeout)
            .user(JedisURIHelper.getUser(uri))
            .password(JedisURIHelper.getPassword(uri))
            .database(JedisURIHelper.getDBIndex(uri))
            .ssl(JedisURIHelper.isRedisSSLScheme(uri))
            .clientName("command-api");
    GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
    pool.setMaxTotal(32);
    pool.setMaxIdle(32);
    pool.setMaxWait(settings.timeout());
    return RedisClient.builder()
        .hostAndPort(JedisURIHelper.getHostAndPort(uri))
        .clientConfig(config.build())
        .poolConfig(pool)
        .build();
  }
}
