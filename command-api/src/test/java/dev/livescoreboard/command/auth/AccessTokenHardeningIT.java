package dev.livescoreboard.command.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.command.CommandApiTestBase;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.testsupport.TestAuth;
import dev.livescoreboard.testsupport.TestJwks;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Algorithms, {@code nbf} and key rotation, against a JWKS this test controls (the dev auth server
 * serves one fixed RS256 key).
 */
class AccessTokenHardeningIT extends CommandApiTestBase {

  private static final TestJwks JWKS = new TestJwks();
  private static final RSAKey RSA = TestJwks.newRsaKey();
  private static final ECKey EC = TestJwks.newEcKey();
  private static final Map<String, String> START = Map.of("actionType", "COMPLETE_LEVEL");

  @Value("${scoreboard.jwt.jwks-url}")
  private String jwksUrl;

  @DynamicPropertySource
  static void ownJwks(DynamicPropertyRegistry registry) {
    publish(RSA, EC);
    registry.add("scoreboard.jwt.jwks-url", JWKS::url);
    // Rotation must refetch at once, not after the production 30 s guard.
    registry.add("scoreboard.jwt.jwks-refetch-min-interval", () -> "0s");
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @Test
  void usesTheJwksOfThisTest() {
    assertThat(jwksUrl).isEqualTo(JWKS.url());
  }

  @Test
  void es256TokenIsAccepted() {
    String token = TestJwks.sign(EC, JWSAlgorithm.ES256, claims(user()).build());

    assertThat(post("/api/v1/actions", token, START).status()).isEqualTo(201);
  }

  @Test
  void rs256TokenIsAccepted() {
    String token = TestJwks.sign(RSA, JWSAlgorithm.RS256, claims(user()).build());

    assertThat(post("/api/v1/actions", token, START).status()).isEqualTo(201);
  }

  @Test
  void ps256TokenIsRefusedEvenWithAPublishedKey() {
    String token = TestJwks.sign(RSA, JWSAlgorithm.PS256, claims(user()).build());

    assertUnauthorized(post("/api/v1/actions", token, START));
  }

  @Test
  void hs256TokenIsRefused() throws Exception {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(RSA.getKeyID()).build(),
            claims(user()).build());
    jwt.sign(new MACSigner(secret));

    assertUnauthorized(post("/api/v1/actions", jwt.serialize(), START));
  }

  @Test
  void unsecuredTokenIsRefused() {
    String token = new PlainJWT(claims(user()).build()).serialize();

    assertUnauthorized(post("/api/v1/actions", token, START));
  }

  @Test
  void tokenNotYetValidIsRefused() {
    // Beyond the 30 s skew.
    JWTClaimsSet claims =
        claims(user()).notBeforeTime(Date.from(Instant.now().plusSeconds(120))).build();

    assertUnauthorized(
        post("/api/v1/actions", TestJwks.sign(RSA, JWSAlgorithm.RS256, claims), START));
  }

  @Test
  void tokenValidSinceWithinTheSkewIsAccepted() {
    JWTClaimsSet claims =
        claims(user()).notBeforeTime(Date.from(Instant.now().plusSeconds(5))).build();

    assertThat(
            post("/api/v1/actions", TestJwks.sign(RSA, JWSAlgorithm.RS256, claims), START).status())
        .isEqualTo(201);
  }

  @Test
  void rotatedKeyIsFetchedOnItsFirstUseAndTheRetiredKeyIsRefused() {
    String user = user();
    assertThat(
            post(
                    "/api/v1/actions",
                    TestJwks.sign(RSA, JWSAlgorithm.RS256, claims(user).build()),
                    START)
                .status())
        .isEqualTo(201);
    ECKey next = TestJwks.newEcKey();
    int fetchesBefore = JWKS.fetches();
    publish(next, EC);
    try {
      String rotated = TestJwks.sign(next, JWSAlgorithm.ES256, claims(user).build());
      assertThat(post("/api/v1/actions", rotated, START).status()).isEqualTo(201);
      assertThat(JWKS.fetches()).isGreaterThan(fetchesBefore);

      String retired = TestJwks.sign(RSA, JWSAlgorithm.RS256, claims(user).build());
      assertUnauthorized(post("/api/v1/actions", retired, START));
    } finally {
      publish(RSA, EC);
    }
  }

  /** Publishes {@code keys} plus the dev auth server's key (which signs the admin tokens). */
  private static void publish(JWK... keys) {
    try {
      List<JWK> all = new ArrayList<>(List.of(keys));
      all.addAll(JWKSet.load(URI.create(TestAuth.shared().jwksUrl()).toURL()).getKeys());
      JWKS.publish(all.toArray(JWK[]::new));
    } catch (IOException | java.text.ParseException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A provisioned user (starting requires a known user). */
  private String user() {
    String user = newUserId();
    provision(user);
    return user;
  }

  private void assertUnauthorized(Response response) {
    assertThat(response.status()).isEqualTo(401);
    assertThat(response.code()).isEqualTo("UNAUTHORIZED");
  }

  private static JWTClaimsSet.Builder claims(String sub) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(TestAuth.shared().issuer())
        .audience(DevAuthServer.AUDIENCE)
        .subject(sub)
        .claim("roles", List.of())
        .jwtID(UUID.randomUUID().toString())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }
}
