package dev.livescoreboard.command.auth;

import dev.livescoreboard.auth.revocation.LocalDenylist;
import dev.livescoreboard.auth.revocation.RevocationFeed;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.command.redis.RedisSettings;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/** The shared revocation list (shared-auth) wired into this service: its keys, feed and store. */
@Configuration
class RevocationConfig {

  @Bean
  RevocationKeys revocationKeys(RedisSettings settings) {
    return new RevocationKeys(settings.keyPrefix());
  }

  @Bean
  LocalDenylist localDenylist(Clock clock) {
    return new LocalDenylist(clock);
  }

  @Bean
  RevocationStore revocationStore(RedisClient redis, RevocationKeys keys) {
    return new RevocationStore(redis, keys);
  }

  @Bean(initMethod = "start", destroyMethod = "close")
  RevocationFeed revocationFeed(
      RedisClient redis, RevocationKeys keys, LocalDenylist denylist, Clock clock) {
    return new RevocationFeed(redis, keys, denylist, clock);
  }

  @Bean
  RevocationList revocationList(
      LocalDenylist denylist, RevocationFeed feed, RevocationStore store) {
    return new RevocationList(denylist, feed, store);
  }
}
