package dev.livescoreboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.testsupport.TestJwks;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared verifier against a real JWKS endpoint the test controls (loopback HTTP). */
class AccessTokenVerifierIT {

  private static final String ISSUER = "https://auth.test";
  private static final String AUDIENCE = "scoreboard";

  private final TestJwks jwks = new TestJwks();
  private final RSAKey rsa = TestJwks.newRsaKey();
  private final ECKey ec = TestJwks.newEcKey();
  private final AccessTokenVerifier verifier;

  AccessTokenVerifierIT() {
    jwks.publish(rsa, ec);
    // Rotation must refetch at once, not after the production 30 s guard.
    verifier =
        new AccessTokenVerifier(
            AccessTokenSettings.of(URI.create(jwks.url()), ISSUER, AUDIENCE)
                .withJwksRefetchMinInterval(Duration.ZERO));
  }

  @AfterEach
  void close() {
    verifier.close();
    jwks.close();
  }

  private static JWTClaimsSet.Builder claims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .subject("player-1")
        .claim("name", "Player One")
        .claim("roles", List.of("player", VerifiedAccessToken.ADMIN_ROLE))
        .jwtID("jti-1")
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)));
  }

  @Test
  void rs256TokenIsAcceptedWithItsClaimsAndRoles() {
    VerifiedAccessToken token =
        verifier.verify(TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().build()));

    assertThat(token.userId()).isEqualTo("player-1");
    assertThat(token.name()).isEqualTo("Player One");
    assertThat(token.tokenId()).isEqualTo("jti-1");
    assertThat(token.hasRole(VerifiedAccessToken.ADMIN_ROLE)).isTrue();
    assertThat(token.expiresAt()).isAfter(Instant.now());
  }

  @Test
  void es256TokenIsAccepted() {
    VerifiedAccessToken token =
        verifier.verify(TestJwks.sign(ec, JWSAlgorithm.ES256, claims().build()));

    assertThat(token.userId()).isEqualTo("player-1");
  }

  @Test
  void aTokenWithoutRolesHasNone() {
    VerifiedAccessToken token =
        verifier.verify(
            TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().claim("roles", null).build()));

    assertThat(token.roles()).isEmpty();
    assertThat(token.hasRole(VerifiedAccessToken.ADMIN_ROLE)).isFalse();
  }

  @Test
  void aRotatedInKeyIsFetchedAtOnceOnItsUnknownKid() {
    verifier.verify(TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().build()));
    int fetchesBefore = jwks.fetches();
    RSAKey next = TestJwks.newRsaKey();
    jwks.publish(next, ec);

    VerifiedAccessToken token =
        verifier.verify(TestJwks.sign(next, JWSAlgorithm.RS256, claims().build()));

    assertThat(token.userId()).isEqualTo("player-1");
    assertThat(jwks.fetches()).isGreaterThan(fetchesBefore);
  }

  @Test
  void aKeyNeverPublishedIsRefused() {
    String forged = TestJwks.sign(TestJwks.newRsaKey(), JWSAlgorithm.RS256, claims().build());

    assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void wrongIssuerIsRefused() {
    String token =
        TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().issuer("https://evil.test").build());

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void wrongAudienceIsRefused() {
    String token = TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().audience("other").build());

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void aTokenExpiredBeyondTheSkewIsRefused() {
    Instant past = Instant.now().minus(AccessTokenSettings.DEFAULT_CLOCK_SKEW).minusSeconds(5);
    String token =
        TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(Date.from(past)).build());

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void aTokenExpiredWithinTheSkewIsStillAccepted() {
    Instant justNow = Instant.now().minusSeconds(5);
    String token =
        TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().expirationTime(Date.from(justNow)).build());

    assertThat(verifier.verify(token).userId()).isEqualTo("player-1");
  }

  @Test
  void aNotBeforeFurtherAheadThanTheSkewIsRefused() {
    Instant later = Instant.now().plus(AccessTokenSettings.DEFAULT_CLOCK_SKEW).plusSeconds(10);
    String token =
        TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().notBeforeTime(Date.from(later)).build());

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void aNotBeforeWithinTheSkewIsAccepted() {
    Instant soon = Instant.now().plusSeconds(5);
    String token =
        TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().notBeforeTime(Date.from(soon)).build());

    assertThat(verifier.verify(token).userId()).isEqualTo("player-1");
  }

  @Test
  void algNoneIsRefused() {
    String unsigned = new PlainJWT(claims().build()).serialize();

    assertThatThrownBy(() -> verifier.verify(unsigned)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void hs256IsRefusedEvenKeyedWithThePublicKey() throws Exception {
    // The classic confusion attack: HMAC keyed with bytes the attacker can read.
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner(secret));

    assertThatThrownBy(() -> verifier.verify(hmac.serialize()))
        .isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void ps256IsRefusedEvenWithAPublishedKey() {
    String token = TestJwks.sign(rsa, JWSAlgorithm.PS256, claims().build());

    assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void aTokenWithoutSubjectOrWithAControlCharacterInItIsRefused() {
    String none = TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().subject(null).build());
    String control = TestJwks.sign(rsa, JWSAlgorithm.RS256, claims().subject("a\u0000b").build());

    assertThatThrownBy(() -> verifier.verify(none)).isInstanceOf(RejectedTokenException.class);
    assertThatThrownBy(() -> verifier.verify(control)).isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void garbageIsRefused() {
    assertThatThrownBy(() -> verifier.verify("not.a.jwt"))
        .isInstanceOf(RejectedTokenException.class);
  }

  @Test
  void anUnreachableJwksIsUnavailableNotRejected() {
    AccessTokenVerifier offline =
        new AccessTokenVerifier(
            AccessTokenSettings.of(URI.create("http://127.0.0.1:9/jwks.json"), ISSUER, AUDIENCE));
    String token =
        TestJwks.sign(
            rsa, JWSAlgorithm.RS256, claims().jwtID(UUID.randomUUID().toString()).build());
    try {
      assertThatThrownBy(() -> offline.verify(token)).isInstanceOf(KeysUnavailableException.class);
    } finally {
      offline.close();
    }
  }
}
