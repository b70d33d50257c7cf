package dev.livescoreboard.command.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.infra.servers.EmbeddedRedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Redis goes away: the write path keeps working and the limits hold per instance. */
class RedisOutageIT extends CommandApiTestBase {

  private static final EmbeddedRedisServer REDIS =
      EmbeddedRedisServer.start(
          Path.of(System.getProperty("java.io.tmpdir"), "redis-outage-" + UUID.randomUUID()),
          0,
          false);
  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");

  @Autowired private MeterRegistry meters;

  @DynamicPropertySource
  static void ownRedis(DynamicPropertyRegistry registry) {
    registry.add("scoreboard.redis.url", REDIS::url);
    registry.add("scoreboard.rate-limits.start", () -> "3");
  }

  @AfterAll
  static void stopRedis() {
    stop();
  }

  private static void stop() {
    try {
      REDIS.close();
    } catch (RuntimeException alreadyStopped) {
      // The other test stopped it first.
    }
  }

  @Test
  void withRedisDownRequestsSucceedAndAreLimitedInProcess() {
    String before = newUserId();
    provision(before);
    assertThat(post("/api/v1/actions", tokenFor(before), START).status()).isEqualTo(201);

    stop();

    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    for (int i = 0; i < 3; i++) {
      Response allowed = post("/api/v1/actions", bearer, START);
      assertThat(allowed.status()).isEqualTo(201);
      assertThat(allowed.headers().firstValue("RateLimit-Limit")).hasValue("3");
    }
    Response refused = post("/api/v1/actions", bearer, START);
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo("RATE_LIMITED");
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();

    String other = newUserId();
    provision(other);
    String otherBearer = tokenFor(other);
    String token = startAction(otherBearer, "COMPLETE_LEVEL");
    Response completed = complete(otherBearer, token);
    assertThat(completed.status()).isEqualTo(200);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", other)).isEqualTo(1);

    assertThat(meters.counter("scoreboard.ratelimit.fallbacks").count()).isPositive();
    assertThat(meters.counter("scoreboard.auth.revocation.unchecked").count()).isPositive();
  }

  @Test
  void aRevocationWithRedisDownIs503ButHoldsOnThisInstance() throws Exception {
    stop();
    String user = newUserId();
    provision(user);
    String token = tokenFor(user);
    String jti = com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getJWTID();

    Response revocation = post("/api/v1/admin/tokens/revoke", adminToken(), Map.of("jti", jti));

    assertThat(revocation.status()).isEqualTo(503);
    assertThat(revocation.code()).isEqualTo("UNAVAILABLE");
    assertThat(post("/api/v1/actions", token, START).status()).isEqualTo(401);
  }
}
