package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.testsupport.TestAuth;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access tokens an attacker could present: every one is refused with 401 {@code UNAUTHORIZED}
 * before the handler runs, so the victim's valid action token stays unused and nothing changes.
 */
class AccessTokenSecurityIT extends SecurityTestBase {

  private static final String REVOKE = "/api/v1/admin/tokens/revoke";

  private String user;
  private String actionToken;

  @BeforeEach
  void victimWithAStartedAction() {
    user = activeUser();
    actionToken = startAction(tokenFor(user), "WIN_MATCH");
  }

  private void assertRefused(String bearer) {
    refusedUnchanged(401, "UNAUTHORIZED", () -> completeWith(bearer));
    refusedUnchanged(
        401, "UNAUTHORIZED", () -> postJson(START, bearer, "{\"actionType\":\"WIN_MATCH\"}"));
  }

  private Exchange completeWith(String bearer) {
    return postJson(COMPLETE, bearer, json(Map.of("actionToken", actionToken)));
  }

  @Test
  void missingBearerIsUnauthorized() {
    assertRefused(null);
  }

  @Test
  void malformedBearersAreUnauthorized() {
    for (String garbage :
        List.of("not.a.jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9", "Bearer", "%00", "x".repeat(8000))) {
      assertRefused(garbage);
    }
    refusedUnchanged(
        401,
        "UNAUTHORIZED",
        () ->
            exchange(
                COMPLETE,
                null,
                "application/json",
                json(Map.of("actionToken", actionToken)),
                Map.of("Authorization", "Basic " + "YWRtaW46YWRtaW4=")));
  }

  @Test
  void tokenSignedByAnotherRsaKeyIsUnauthorized() throws Exception {
    assertRefused(ForgedTokens.rs256WithForeignKey(ForgedTokens.accessClaims(user).build()));
  }

  @Test
  void es256TokensFromUnknownKeysAreUnauthorized() throws Exception {
    // Several in a row: an unknown kid makes the server refetch the JWKS, and once that refetch
    // is rate-limited the answer must still be 401, not "keys unavailable".
    for (int i = 0; i < 3; i++) {
      assertRefused(ForgedTokens.es256WithForeignKey(ForgedTokens.accessClaims(user).build()));
    }
  }

  @Test
  void expiredTokenIsUnauthorized() {
    assertRefused(TestAuth.shared().mint(user, "Late", List.of(), Duration.ofMinutes(-5)));
  }

  @Test
  void tokenNotYetValidIsUnauthorized() {
    Instant inAnHour = Instant.now().plusSeconds(3600);
    assertRefused(
        TestAuth.shared()
            .sign(
                ForgedTokens.accessClaims(user)
                    .notBeforeTime(Date.from(inAnHour))
                    .expirationTime(Date.from(inAnHour.plusSeconds(600)))
                    .build()));
  }

  @Test
  void wrongAudienceIsUnauthorized() {
    assertRefused(
        TestAuth.shared()
            .sign(ForgedTokens.accessClaims(user).audience("another-service").build()));
  }

  @Test
  void wrongIssuerIsUnauthorized() {
    assertRefused(
        TestAuth.shared()
            .sign(ForgedTokens.accessClaims(user).issuer("http://evil.example").build()));
  }

  @Test
  void tokenWithoutSubjectIsUnauthorized() {
    assertRefused(TestAuth.shared().sign(ForgedTokens.accessClaims(user).subject(null).build()));
  }

  @Test
  void unsignedAlgNoneTokenIsUnauthorized() {
    JWTClaimsSet claims = ForgedTokens.accessClaims(user).build();
    assertRefused(ForgedTokens.algNone("{\"alg\":\"none\"}", claims));
    assertRefused(ForgedTokens.algNone("{\"alg\":\"none\",\"typ\":\"JWT\"}", claims));
    assertRefused(ForgedTokens.algNone("{\"alg\":\"NONE\"}", claims));
  }

  @Test
  void hs256SignedWithThePublicKeyIsUnauthorized() throws Exception {
    assertRefused(ForgedTokens.hs256WithPublicKey(ForgedTokens.accessClaims(user).build()));
  }

  @Test
  void revokedTokenIsUnauthorized() throws Exception {
    String bearer = tokenFor(user);
    String jti = SignedJWT.parse(bearer).getJWTClaimsSet().getJWTID();
    assertThat(postJson(START, bearer, "{\"actionType\":\"WIN_MATCH\"}").status()).isEqualTo(201);

    Exchange revoked = postJson(REVOKE, adminToken(), json(Map.of("jti", jti)));

    assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
    assertThat(redis.all())
        .as("the revocation is kept in Redis")
        .anyMatch(key -> key.contains(jti));
    assertRefused(bearer);
  }

  @Test
  void revocationNeedsTheAdminRole() throws Exception {
    String bearer = tokenFor(user);
    String jti = SignedJWT.parse(bearer).getJWTClaimsSet().getJWTID();

    refusedUnchanged(403, "FORBIDDEN", () -> postJson(REVOKE, bearer, json(Map.of("jti", jti))));
    assertThat(completeWith(bearer).status()).isEqualTo(200);
  }

  @Test
  void validTokenStillCompletesAfterAllThat() {
    Exchange completed = completeWith(tokenFor(user));

    assertThat(completed.status()).isEqualTo(200);
    assertThat(completed.json().path("newScore").asLong()).isEqualTo(10 + 20);
  }
}
