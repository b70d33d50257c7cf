package dev.livescoreboard.auth.revocation;

import java.time.Duration;
import java.time.Instant;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The revocations in Redis ({@link RevocationKeys}): the one way to write one, and the direct
 * lookup for an instance whose {@link RevocationFeed} is not in step. Blocking; thread-safe.
 */
public final class RevocationStore {

  private final RedisClient redis;
  private final RevocationKeys keys;

  public RevocationStore(RedisClient redis, RevocationKeys keys) {
    this.redis = redis;
    this.keys = keys;
  }

  /**
   * Stores {@code jti} as revoked until {@code until} and announces it to every instance's feed.
   *
   * @throws JedisException when Redis cannot be written
   */
  public void revoke(String jti, Instant until, Instant now) {
    long ttl = Duration.between(now, until).toMillis();
    if (ttl <= 0) {
      return;
    }
    // The key first: an instance that (re)loads the keys after missing the message still sees it.
    redis.psetex(keys.key(jti), ttl, "1");
    redis.publish(keys.channel(), RevocationKeys.message(jti, until));
  }

  /**
   * Whether Redis holds {@code jti} as revoked.
   *
   * @throws JedisException when Redis cannot answer
   */
  public boolean isRevoked(String jti) {
    return redis.exists(keys.key(jti));
  }
}
