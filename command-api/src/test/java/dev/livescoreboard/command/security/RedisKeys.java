package dev.livescoreboard.command.security;

import java.net.URI;
import java.util.Set;
import redis.clients.jedis.RedisClient;

/** The Redis keys command-api owns in a test: everything under the context's key prefix. */
final class RedisKeys implements AutoCloseable {

  private final RedisClient redis;
  private final String prefix;

  RedisKeys(String url, String prefix) {
    this.redis = RedisClient.create(URI.create(url));
    this.prefix = prefix;
  }

  Set<String> all() {
    return Set.copyOf(redis.keys(prefix + "*"));
  }

  /** Deletes every key under the prefix, the test's equivalent of {@code FLUSHALL}. */
  void flush() {
    Set<String> keys = all();
    if (!keys.isEmpty()) {
      redis.del(keys.toArray(String[]::new));
    }
  }

  /** Writes a key under the prefix that a refused request must leave alone. */
  String plantCanary(String name) {
    String key = prefix + "canary:" + name;
    redis.set(key, "alive");
    return key;
  }

  boolean exists(String key) {
    return redis.exists(key);
  }

  @Override
  public void close() {
    redis.close();
  }
}
