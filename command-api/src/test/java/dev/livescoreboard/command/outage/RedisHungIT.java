package dev.livescoreboard.command.outage;

import static dev.livescoreboard.testsupport.AnswerBound.within;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.auth.revocation.LocalDenylist;
import dev.livescoreboard.auth.revocation.RevocationKeys;
import dev.livescoreboard.auth.revocation.RevocationStore;
import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.command.redis.RedisAvailability;
import dev.livescoreboard.command.redis.RedisSettings;
import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import dev.livescoreboard.testsupport.FrozenProcess;
import dev.livescoreboard.testsupport.TestRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import redis.clients.jedis.RedisClient;

/**
 * Redis hangs under a running command-api (its own redis-server, frozen with SIGSTOP): writes are
 * still served within SPEC §10's 5 s, limited by the in-process windows, a revocation is a 503 that
 * still holds on this instance, and health stays UP (command-api serves without Redis). After
 * SIGCONT Redis is used again by itself, and the revocation feed still delivers what other
 * instances revoke.
 */
// Its server is closed after the class: the context, which talks to it, goes with it.
@DirtiesContext
class RedisHungIT extends CommandApiTestBase {

  private static final EmbeddedRedisServer REDIS = TestRedis.startOwnServer("redis-hung");
  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");

  @Autowired private MeterRegistry meters;
  @Autowired private RedisAvailability availability;
  @Autowired private RedisSettings redisSettings;
  @Autowired private LocalDenylist denylist;

  @DynamicPropertySource
  static void ownRedis(DynamicPropertyRegistry registry) {
    registry.add("scoreboard.redis.url", REDIS::url);
    registry.add("scoreboard.rate-limits.start", () -> "3");
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }

  @Test
  void writesAreServedWithinTheBoundWhileRedisHangsAndRedisIsUsedAgainAfter() throws Exception {
    String before = newUserId();
    provision(before);
    assertThat(post("/api/v1/actions", tokenFor(before), START).status()).isEqualTo(201);
    String revokedMeanwhile = tokenFor(newUserId());

    try (FrozenProcess hung = FrozenProcess.freeze(REDIS.pid())) {
      String user = newUserId();
      provision(user);
      String bearer = tokenFor(user);
      for (int i = 0; i < 3; i++) {
        Response started = within(() -> post("/api/v1/actions", bearer, START));
        assertThat(started.status()).isEqualTo(201);
        assertThat(started.headers().firstValue("RateLimit-Limit")).hasValue("3");
      }
      Response refused = within(() -> post("/api/v1/actions", bearer, START));
      assertThat(refused.status()).isEqualTo(429);

      String other = newUserId();
      provision(other);
      String otherBearer = tokenFor(other);
      String token = startAction(otherBearer, "COMPLETE_LEVEL");
      assertThat(within(() -> complete(otherBearer, token)).status()).isEqualTo(200);
      assertThat(within(() -> get("/api/v1/users/me", otherBearer)).status()).isEqualTo(200);

      Map<String, String> revoke = Map.of("jti", jti(revokedMeanwhile));
      Response revocation = within(() -> post("/api/v1/admin/tokens/revoke", adminToken(), revoke));
      assertThat(revocation.status()).isEqualTo(503);
      assertThat(revocation.headers().firstValue("Retry-After")).isPresent();
      assertThat(post("/api/v1/actions", revokedMeanwhile, START).status()).isEqualTo(401);
      assertThat(within(() -> get("/actuator/health")).status()).isEqualTo(200);
      assertThat(meters.counter("scoreboard.ratelimit.fallbacks").count()).isPositive();
    }

    // Resumed: the next requests after the retry interval use Redis again.
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              assertThat(post("/api/v1/actions", bearer, START).status()).isIn(201, 429);
              return !availability.isDown();
            });
    // What another instance revokes now still reaches this one through the feed.
    String revokedElsewhere = tokenFor(newUserId());
    try (RedisClient redis = RedisClient.create(URI.create(REDIS.url()))) {
      new RevocationStore(redis, new RevocationKeys(redisSettings.keyPrefix()))
          .revoke(jti(revokedElsewhere), Instant.now().plusSeconds(3600), Instant.now());
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> denylist.contains(jti(revokedElsewhere)));
    assertThat(post("/api/v1/actions", revokedElsewhere, START).status()).isEqualTo(401);
  }

  private static String jti(String token) throws Exception {
    return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
  }
}
