package dev.livescoreboard.projector.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One of the projector's Lua scripts, with the shared {@code lua/top-n.lua} helpers prepended, so
 * the apply and the rebuild swap describe and publish top-N states with the same code.
 *
 * <p>Calls use EVALSHA with the locally computed SHA-1 and fall back to EVAL on NOSCRIPT (after a
 * Redis restart or SCRIPT FLUSH), which also caches the script again. Nothing is loaded at startup,
 * so the service starts while Redis is down. Immutable and thread-safe.
 */
public final class LuaScript {

  static final String LIBRARY = "lua/top-n.lua";

  private final String source;
  private final String sha1;

  private LuaScript(String source) {
    this.source = source;
    this.sha1 = sha1Hex(source);
  }

  /** The classpath script {@code resource} preceded by the top-N helpers. */
  public static LuaScript withTopNHelpers(String resource) {
    return new LuaScript(read(LIBRARY) + "\n" + read(resource));
  }

  /** The SHA-1 Redis names this script by (what SCRIPT LOAD answers). */
  public String sha1() {
    return sha1;
  }

  /** The full source sent to Redis. */
  public String source() {
    return source;
  }

  /** Runs the script once; throws a Jedis exception when Redis is unreachable. */
  public Object eval(UnifiedJedis redis, List<String> keys, List<String> args) {
    try {
      return redis.evalsha(sha1, keys, args);
    } catch (JedisNoScriptException e) {
      return redis.eval(source, keys, args);
    }
  }

  /** Caches the script in Redis, for pipelines, which cannot fall back per call. */
  public void load(UnifiedJedis redis) {
    redis.scriptLoad(source);
  }

  /** Whether a pipelined reply failed because Redis did not know the script. */
  public static boolean isNoScript(RuntimeException failure) {
    return failure instanceof JedisNoScriptException
        || (failure instanceof JedisDataException
            && failure.getMessage() != null
            && failure.getMessage().startsWith("NOSCRIPT"));
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

  /** Redis names a script by the SHA-1 of its bytes, so this equals SCRIPT LOAD's answer. */
  public static String sha1Hex(String script) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is a mandatory JDK algorithm", e);
    }
  }
}
