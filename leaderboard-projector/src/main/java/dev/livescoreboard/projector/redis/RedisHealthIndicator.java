package dev.livescoreboard.projector.redis;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/** {@code redis} component of {@code /actuator/health}: up when Redis answers PING. */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator {

  private final RedisClient redis;

  RedisHealthIndicator(RedisClient redis) {
    super("Redis health check failed");
    this.redis = redis;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("ping", redis.ping());
  }
}
