package dev.livescoreboard.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.command.CommandApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.text.ParseException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import redis.clients.jedis.RedisClient;

class TokenRevocationIT extends CommandApiTestBase {

  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");
  private static final String REVOKE = "/api/v1/admin/tokens/revoke";

  @Autowired private MeterRegistry meters;

  @Value("${scoreboard.redis.url}")
  private String redisUrl;

  @Value("${scoreboard.redis.key-prefix}")
  private String redisPrefix;

  @Test
  void aRevokedTokenIsUnauthorizedAndOtherTokensOfTheUserStillWork() throws Exception {
    String user = newUserId();
    provision(user);
    String revoked = tokenFor(user);
    String other = tokenFor(user);
    assertThat(post("/api/v1/actions", revoked, START).status()).isEqualTo(201);
    double before = revokedEvents();

    Response revocation = post(REVOKE, adminToken(), Map.of("jti", jti(revoked)));

    assertThat(revocation.status()).isEqualTo(200);
    assertThat(revocation.body().path("jti").asString()).isEqualTo(jti(revoked));
    Response refused = post("/api/v1/actions", revoked, START);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.code()).isEqualTo("UNAUTHORIZED");
    assertThat(refused.body().path("detail").asString()).contains("revoked");
    assertThat(post("/api/v1/actions", other, START).status()).isEqualTo(201);
    assertThat(revokedEvents()).isEqualTo(before + 1);
  }

  @Test
  void theDenylistEntryLivesUntilTheTokenExpiresPlusTheSkew() throws Exception {
    String token = tokenFor(newUserId());
    Instant exp = SignedJWT.parse(token).getJWTClaimsSet().getExpirationTime().toInstant();
    // The service computes the TTL after this instant, so it can only be shorter than from here.
    Instant beforeRevoking = Instant.now();

    Response revocation =
        post(REVOKE, adminToken(), Map.of("jti", jti(token), "expiresAt", exp.toString()));

    assertThat(revocation.status()).isEqualTo(200);
    assertThat(Instant.parse(revocation.body().path("revokedUntil").asString()))
        .isEqualTo(exp.plusSeconds(30));
    try (RedisClient redis = RedisClient.create(URI.create(redisUrl))) {
      long ttl = redis.pttl(redisPrefix + "revoked-jti:" + jti(token));
      assertThat(ttl)
          .isPositive()
          .isLessThanOrEqualTo(
              beforeRevoking.until(exp.plusSeconds(30), java.time.temporal.ChronoUnit.MILLIS));
    }
  }

  @Test
  void onlyAdminsMayRevoke() throws Exception {
    String user = newUserId();
    provision(user);
    String token = tokenFor(user);

    Response refused = post(REVOKE, token, Map.of("jti", jti(token)));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.code()).isEqualTo("FORBIDDEN");
    assertThat(post("/api/v1/actions", token, START).status()).isEqualTo(201);
  }

  @Test
  void aBlankJtiIsAValidationError() {
    Response refused = post(REVOKE, adminToken(), Map.of("jti", " "));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
  }

  private double revokedEvents() {
    return meters.counter("scoreboard.security.events", "event", "token_revoked").count();
  }

  private static String jti(String token) throws ParseException {
    return SignedJWT.parse(token).getJWTClaimsSet().getJWTID();
  }
}
