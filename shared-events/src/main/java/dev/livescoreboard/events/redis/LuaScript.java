package dev.livescoreboard.events.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A Redis Lua script read from the class path: its source and the SHA-1 Redis names it by. {@link
 * #eval} calls EVALSHA and, on NOSCRIPT (Redis restarted or flushed its scripts), EVAL, which also
 * caches the script in Redis again. Nothing is loaded up front, so a service starts while Redis is
 * down. The Redis client is passed in as two method references ({@code redis::evalsha,
 * redis::eval}), so this contract module needs no client library. Immutable and thread-safe.
 */
public final class LuaScript {

  /**
   * One script call of a Redis client; Jedis' {@code evalsha(String, List, List)} and {@code
   * eval(String, List, List)} both fit.
   */
  @FunctionalInterface
  public interface ScriptCall {

    /**
     * Runs a script.
     *
     * @param script the SHA-1 (EVALSHA) or the source (EVAL)
     */
    Object call(String script, List<String> keys, List<String> args);
  }

  private final String source;
  private final String sha1;

  private LuaScript(String source) {
    this.source = source;
    this.sha1 = sha1Hex(source);
  }

  /**
   * The classpath resources joined by newlines into one script, e.g. a library of shared functions
   * followed by the script that calls them.
   */
  public static LuaScript fromClasspath(String... resources) {
    StringBuilder source = new StringBuilder();
    for (String resource : resources) {
      source.append(source.isEmpty() ? "" : "\n").append(read(resource));
    }
    return new LuaScript(source.toString());
  }

  /** The SHA-1 Redis names this script by (what SCRIPT LOAD answers). */
  public String sha1() {
    return sha1;
  }

  /** The full source sent to Redis. */
  public String source() {
    return source;
  }

  /**
   * Runs the script once: {@code evalsha}, then {@code eval} if Redis did not know it. Whatever
   * else the client throws (Redis unreachable, a script error) is passed on.
   */
  public Object eval(ScriptCall evalsha, ScriptCall eval, List<String> keys, List<String> args) {
    try {
      return evalsha.call(sha1, keys, args);
    } catch (RuntimeException e) {
      if (!isNoScript(e)) {
        throw e;
      }
      return eval.call(source, keys, args);
    }
  }

  /**
   * Whether a call failed because Redis did not know the script: its error reply starts with {@code
   * NOSCRIPT}, whatever exception type the client wraps it in (e.g. a pipelined reply).
   */
  public static boolean isNoScript(RuntimeException failure) {
    return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
  }

  /** Redis names a script by the SHA-1 of its bytes, so this equals SCRIPT LOAD's answer. */
  static String sha1Hex(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is a mandatory JDK algorithm", e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
