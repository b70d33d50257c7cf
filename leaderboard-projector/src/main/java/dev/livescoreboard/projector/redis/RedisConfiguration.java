package dev.livescoreboard.projector.redis;

import dev.livescoreboard.events.LeaderboardKeys;
import java.net.URI;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/** The pooled, thread-safe Redis client and the key layout shared with the gateway. */
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
}
