package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.ScoreChanged;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Calls {@code lua/apply-score-event.lua}, which applies one event to one board and season
 * atomically (idempotency check, ranking update, top-N change detection and publish).
 *
 * <p>The script is read once; calls use EVALSHA with the locally computed SHA-1 and fall back to
 * EVAL on NOSCRIPT (after a Redis restart or SCRIPT FLUSH), which also caches it again. No
 * SCRIPT LOAD at startup, so the service starts while Redis is down.
 */
@Component
class ApplyScoreEventScript {

  static final String RESOURCE = "lua/apply-score-event.lua";

  private final RedisClient redis;
  private final LeaderboardKeys layout;
  private final int topN;
  private final String source;
  private final String sha1;

  ApplyScoreEventScript(RedisClient redis, LeaderboardKeys layout, ProjectionSettings settings) {
    this.redis = redis;
    this.layout = layout;
    this.topN = settings.topN();
    this.source = readSource();
    this.sha1 = sha1Hex(source);
  }

  /** Applies {@code event}; throws a Jedis exception when Redis is unreachable. */
  ApplyOutcome apply(ScoreChanged event) {
    ScriptArguments call = ScriptArguments.of(event, layout, topN);
    Object reply;
    try {
      reply = redis.evalsha(sha1, call.keys(), call.args());
    } catch (JedisNoScriptException e) {
      reply = redis.eval(source, call.keys(), call.args());
    }
    return ApplyOutcome.fromReply(reply);
  }

  private static String readSource() {
    try (InputStream in =
        ApplyScoreEventScript.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
}
