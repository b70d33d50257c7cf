package dev.livescoreboard.command.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.auth.revocation.LocalDenylist;
import dev.livescoreboard.auth.revocation.RevocationFeed;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationList;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.redis.RedisAvailability;
import dev.livescoreboard.command.redis.RedisSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import redis.clients.jedis.RedisClient;

/** Revocations travel between instances through Redis and land in each one's local denylist. */
class RevocationFeedIT extends CommandApiTestBase {

  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");

  @Autowired private LocalDenylist denylist;
  @Autowired private RevocationFeed feed;

  @Value("${scoreboard.redis.url}")
  private String redisUrl;

  @Value("${scoreboard.redis.key-prefix}")
  private String redisPrefix;

  private RedisClient otherRedis;
  private RedisSettings settings;

  @BeforeEach
  void otherInstancesClient() {
    otherRedis = RedisClient.create(URI.create(redisUrl));
    settings = new RedisSettings(redisUrl, redisPrefix, null, null);
  }

  @AfterEach
  void close() {
    otherRedis.close();
  }

  /** What another command-api instance does when an admin revokes a token there. */
  private void revokeOnAnotherInstance(String jti) {
    Clock clock = Clock.systemUTC();
    LocalDenylist itsDenylist = new LocalDenylist(clock);
    RevocationKeys keys = new RevocationKeys(redisPrefix);
    RevocationStore store = new RevocationStore(otherRedis, keys);
    TokenRevocations other =
        new TokenRevocations(
            store,
            new RevocationList(
                itsDenylist, new RevocationFeed(otherRedis, keys, itsDenylist, clock), store),
            new RedisAvailability(settings, clock),
            itsDenylist,
            clock,
            new SimpleMeterRegistry());
    other.revoke(jti, Instant.now().plus(Duration.ofMinutes(10)));
  }

  @Test
  void aTokenRevokedOnAnotherInstanceReachesThisInstancesDenylistAndIsRefused() throws Exception {
    String user = newUserId();
    provision(user);
    String token = tokenFor(user);
    assertThat(post("/api/v1/actions", token, START).status()).isEqualTo(201);
    await().until(feed::inStep);

    revokeOnAnotherInstance(jti(token));

    await().until(() -> denylist.contains(jti(token)));
    Response refused = post("/api/v1/actions", token, START);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
  }

  @Test
  void aFeedThatStartsLaterLoadsTheRevocationsAlreadyInRedis() throws Exception {
    String jti = jti(tokenFor(newUserId()));
    revokeOnAnotherInstance(jti);
    LocalDenylist fresh = new LocalDenylist(Clock.systemUTC());
    RevocationFeed late =
        new RevocationFeed(otherRedis, new RevocationKeys(redisPrefix), fresh, Clock.systemUTC());

    late.start();
    try {
      await().until(late::inStep);
      assertThat(fresh.contains(jti)).isTrue();
      assertThat(fresh.contains("never-revoked")).isFalse();
    } finally {
      late.close();
    }
    assertThat(late.inStep()).isFalse();
  }

  private static String jti(String token) throws ParseException {
    return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
  }
}
