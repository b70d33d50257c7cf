package dev.livescoreboard.projector.redis;

import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.events.LeaderboardKeys;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/**
 * The pooled, thread-safe Redis client, the key layout shared with the gateway, and the shared
 * revocation list (read only: the admin endpoints refuse revoked tokens).
 */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

  /** Connects lazily: the service starts while Redis is down and the consumer retries. */
  @Bean(destroyMethod = "close")
  RedisClient redisClient(RedisSettings settings) {
    return RedisClient.create(URI.create(settings.url()));
  }

  @Bean
  LeaderboardKeys leaderboardKeys(RedisSettings settings) {
    return new LeaderboardKeys(settings.keyPrefix());
  }

  @Bean
  RevocationStore revocationStore(RedisClient redis, RedisSettings settings) {
    return new RevocationStore(redis, new RevocationKeys(settings.keyPrefix()));
  }
}
