package dev.livescoreboard.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.testsupport.TestAuth;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccessTokenIT extends CommandApiTestBase {

  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");

  private void assertUnauthorized(Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(response.code()).isEqualTo("UNAUTHORIZED");
    assertThat(response.body().path("status").asInt()).isEqualTo(401);
    assertThat(response.body().path("title").asString()).isNotBlank();
    assertThat(response.body().path("type").asString()).isNotBlank();
    assertThat(response.body().path("requestId").asString()).isNotBlank();
  }

  @Test
  void missingBearerIsUnauthorized() {
    assertUnauthorized(post("/api/v1/actions", null, START));
  }

  @Test
  void garbageBearerIsUnauthorized() {
    assertUnauthorized(post("/api/v1/actions", "not.a.jwt", START));
  }

  @Test
  void tokenSignedByAnotherKeyIsUnauthorized() throws Exception {
    RSAKey foreign = new RSAKeyGenerator(2048).keyID("foreign").generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("foreign").build(),
            claims("mallory").build());
    jwt.sign(new RSASSASigner(foreign));

    assertUnauthorized(post("/api/v1/actions", jwt.serialize(), START));
  }

  @Test
  void expiredTokenIsUnauthorized() {
    String expired = TestAuth.shared().mint(newUserId(), "Late", List.of(), Duration.ofMinutes(-5));

    assertUnauthorized(post("/api/v1/actions", expired, START));
  }

  @Test
  void wrongAudienceOrIssuerIsUnauthorized() {
    assertUnauthorized(
        post(
            "/api/v1/actions",
            TestAuth.shared().sign(claims("x").audience("other").build()),
            START));
    assertUnauthorized(
        post(
            "/api/v1/actions",
            TestAuth.shared().sign(claims("x").issuer("http://evil.example").build()),
            START));
  }

  @Test
  void validTokenIsAccepted() {
    String user = newUserId();
    // Starting requires a known user (SPEC §3: unknown user → 404).
    provision(user);
    Response response = post("/api/v1/actions", tokenFor(user), START);

    assertThat(response.status()).isEqualTo(201);
  }

  @Test
  void adminEndpointsRequireTheAdminRole() {
    Response response =
        post(
            "/api/v1/admin/users",
            tokenFor(newUserId()),
            Map.of("users", List.of(Map.of("userId", "u1", "displayName", "U"))));

    assertThat(response.status()).isEqualTo(403);
    assertThat(response.code()).isEqualTo("FORBIDDEN");
    assertThat(count("SELECT count(*) FROM users WHERE id = 'u1'")).isZero();
  }

  private static JWTClaimsSet.Builder claims(String sub) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TestAuth.shared().issuer())
        .audience("scoreboard")
        .subject(sub)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }
}
