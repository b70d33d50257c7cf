package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.redis.RedisSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The shared sliding window: {@code lua/sliding-window-rate-limit.lua}, one atomic call per check
 * (EVALSHA, EVAL on NOSCRIPT after a Redis restart). Keys are {@code <prefix>rl:<key>}. Throws a
 * Jedis exception when Redis is unreachable or slow; {@link RateLimiter} falls back then.
 */
@Component
class RedisSlidingWindow implements SlidingWindow {

  static final String RESOURCE = "lua/sliding-window-rate-limit.lua";

  private final RedisClient redis;
  private final RedisSettings settings;
  private final String source = readSource();
  private final String sha1 = sha1Hex(source);
  // Members must be unique per request even within one millisecond and across instances.
  private final String instance = UUID.randomUUID().toString();
  private final AtomicLong sequence = new AtomicLong();

  RedisSlidingWindow(RedisClient redis, RedisSettings settings) {
    this.redis = redis;
    this.settings = settings;
  }

  @Override
  public RateLimitDecision acquire(String key, int limit, Duration window) {
    List<String> keys = List.of(settings.key("rl:" + key));
    List<String> args =
        List.of(
            Integer.toString(limit),
            Long.toString(window.toMillis()),
            instance + ":" + sequence.incrementAndGet());
    Object reply;
    try {
      reply = redis.evalsha(sha1, keys, args);
    } catch (JedisNoScriptException e) {
      reply = redis.eval(source, keys, args);
    }
    List<?> values = (List<?>) reply;
    return new RateLimitDecision(
        ((Long) values.get(0)) == 1L,
        limit,
        ((Long) values.get(1)).intValue(),
        (Long) values.get(2));
  }

  private static String readSource() {
    try (InputStream in = RedisSlidingWindow.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Redis names a script by the SHA-1 of its text, so this equals SCRIPT LOAD's answer. */
  private static String sha1Hex(String script) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is a mandatory JDK algorithm", e);
    }
  }
}
