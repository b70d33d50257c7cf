package dev.livescoreboard.projector.redis;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;

/**
 * {@code redis} component of {@code /actuator/health}: up when Redis answers PING. The PING has a
 * connection and a timeout of its own ({@code scoreboard.redis.health-timeout}), so it never waits
 * behind the listener's calls and a hung Redis turns the component DOWN within about that.
 */
@Component("redis")
class RedisHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final RedisClient redis;

  RedisHealthIndicator(RedisSettings settings) {
    super("Redis health check failed");
    this.redis = RedisConfiguration.open(settings, settings.healthTimeout(), 1);
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.up().withDetail("ping", redis.ping());
  }

  @Override
  public void destroy() {
    redis.close();
  }
}
