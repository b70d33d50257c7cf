package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import dev.livescoreboard.command.redis.RedisAvailability;
import dev.livescoreboard.command.redis.RedisSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The denylist of revoked access tokens ({@code jti}): shared in Redis as {@code
 * <prefix>revoked-jti:<jti>} keys that expire with the token, plus a local copy of the revocations
 * made through this instance. While Redis is unreachable the check fails open for tokens revoked
 * elsewhere (see the package documentation), counting each unchecked token in {@code
 * scoreboard.auth.revocation.unchecked}. Thread-safe.
 */
@Component
class TokenRevocations {

  private static final Logger security = LoggerFactory.getLogger("security");

  private final RedisClient redis;
  private final RedisSettings redisSettings;
  private final RedisAvailability availability;
  private final Clock clock;
  private final Map<String, Instant> local = new ConcurrentHashMap<>();
  private final Counter unchecked;
  private final AtomicBoolean warned = new AtomicBoolean();

  TokenRevocations(
      RedisClient redis,
      RedisSettings redisSettings,
      RedisAvailability availability,
      Clock clock,
      MeterRegistry meters) {
    this.redis = redis;
    this.redisSettings = redisSettings;
    this.availability = availability;
    this.clock = clock;
    this.unchecked =
        Counter.builder("scoreboard.auth.revocation.unchecked")
            .description("Access tokens accepted without a revocation check (Redis unavailable)")
            .register(meters);
  }

  /**
   * Revokes {@code jti} until {@code until}; always locally, and in Redis for every instance.
   *
   * @throws ApiException {@code UNAVAILABLE} when Redis could not be written: the token is then
   *     refused by this instance only, and the caller should retry
   */
  void revoke(String jti, Instant until) {
    Instant now = clock.instant();
    local.values().removeIf(expiry -> !expiry.isAfter(now));
    if (!until.isAfter(now)) {
      return;
    }
    local.put(jti, until);
    try {
      redis.psetex(key(jti), Duration.between(now, until).toMillis(), "1");
      availability.succeeded();
    } catch (JedisException e) {
      availability.failed("token revocation", e);
      throw new ApiException(
          ErrorCode.UNAVAILABLE,
          "the token is revoked on this instance only: the shared denylist is unavailable, retry");
    }
  }

  /** Whether {@code jti} is revoked; {@code false} for a token without {@code jti}. */
  boolean isRevoked(String jti) {
    if (jti == null) {
      return false;
    }
    Instant localUntil = local.get(jti);
    if (localUntil != null && localUntil.isAfter(clock.instant())) {
      return true;
    }
    if (availability.shouldTry()) {
      try {
        boolean revoked = redis.exists(key(jti));
        availability.succeeded();
        warned.set(false);
        return revoked;
      } catch (JedisException e) {
        availability.failed("token revocation check", e);
      }
    }
    unchecked.increment();
    if (warned.compareAndSet(false, true)) {
      security.warn(
          "{\"event\":\"revocation_unchecked\",\"reason\":\"Redis unavailable: tokens revoked"
              + " through other instances are accepted until it is back\"}");
    }
    return false;
  }

  private String key(String jti) {
    return redisSettings.key("revoked-jti:" + jti);
  }
}
