package dev.livescoreboard.command.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.PlainHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ActionTokenTest {

  private static final String OLD = "old:" + secret('a');
  private static final String NEW = "new:" + secret('b');
  private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static String secret(char fill) {
    return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
  }

  private static ActionTokenIssuer issuer(String keys) {
    return new ActionTokenIssuer(ActionTokenKeys.parse(keys), Duration.ofMinutes(5), CLOCK);
  }

  private static ActionTokenVerifier verifier(String keys, Instant at) {
    return new ActionTokenVerifier(ActionTokenKeys.parse(keys), Clock.fixed(at, ZoneOffset.UTC));
  }

  private static void assertRejected(ActionTokenVerifier verifier, String token, ErrorCode code) {
    assertThatThrownBy(() -> verifier.verify(token))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void issuedTokenVerifiesWithItsClaims() throws Exception {
    IssuedActionToken issued = issuer(OLD).issue("alice", "global", "WIN_MATCH");

    ActionTokenClaims claims = verifier(OLD, NOW.plusSeconds(10)).verify(issued.token());

    assertThat(claims).isEqualTo(issued.claims());
    assertThat(claims.userId()).isEqualTo("alice");
    assertThat(claims.board()).isEqualTo("global");
    assertThat(claims.actionType()).isEqualTo("WIN_MATCH");
    assertThat(claims.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    assertThat(Base64.getUrlDecoder().decode(claims.nonce())).hasSize(16);
    JWSHeader header = SignedJWT.parse(issued.token()).getHeader();
    assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
    assertThat(header.getType().getType()).isEqualTo("action+jwt");
    assertThat(header.getKeyID()).isEqualTo("old");
  }

  @Test
  void everyTokenHasAFreshNonce() {
    ActionTokenIssuer issuer = issuer(OLD);
    assertThat(issuer.issue("a", "global", "X").claims().nonce())
        .isNotEqualTo(issuer.issue("a", "global", "X").claims().nonce());
  }

  @Test
  void expiredTokenIsRejectedAsExpired() {
    String token = issuer(OLD).issue("alice", "global", "WIN_MATCH").token();

    assertRejected(verifier(OLD, NOW.plusSeconds(300)), token, ErrorCode.ACTION_TOKEN_EXPIRED);
  }

  @Test
  void tamperedSignatureIsRejected() {
    String token = issuer(OLD).issue("alice", "global", "WIN_MATCH").token();
    int dot = token.lastIndexOf('.');
    char last = token.charAt(dot + 1);
    String tampered =
        token.substring(0, dot + 1) + (last == 'A' ? 'B' : 'A') + token.substring(dot + 2);

    assertRejected(verifier(OLD, NOW), tampered, ErrorCode.ACTION_TOKEN_INVALID);
  }

  @Test
  void tamperedClaimsAreRejected() throws Exception {
    String[] parts = issuer(OLD).issue("alice", "global", "COMPLETE_LEVEL").token().split("\\.");
    String forgedClaims =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]))
                    .replace("COMPLETE_LEVEL", "WIN_MATCH")
                    .getBytes());

    assertRejected(
        verifier(OLD, NOW),
        parts[0] + "." + forgedClaims + "." + parts[2],
        ErrorCode.ACTION_TOKEN_INVALID);
  }

  @Test
  void unsignedAlgNoneTokenIsRejected() {
    String token =
        new PlainJWT(
                new PlainHeader(),
                new JWTClaimsSet.Builder()
                    .subject("alice")
                    .claim("board", "global")
                    .claim("act", "WIN_MATCH")
                    .claim("nonce", "n")
                    .expirationTime(java.util.Date.from(NOW.plusSeconds(60)))
                    .build())
            .serialize();

    assertRejected(verifier(OLD, NOW), token, ErrorCode.ACTION_TOKEN_INVALID);
  }

  @Test
  void tokenWithoutActionTypeHeaderIsRejected() throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("old").build(),
            new JWTClaimsSet.Builder()
                .subject("alice")
                .claim("board", "global")
                .claim("act", "WIN_MATCH")
                .claim("nonce", "n")
                .issueTime(java.util.Date.from(NOW))
                .expirationTime(java.util.Date.from(NOW.plusSeconds(60)))
                .build());
    jwt.sign(new MACSigner(String.valueOf('a').repeat(32).getBytes()));

    assertRejected(verifier(OLD, NOW), jwt.serialize(), ErrorCode.ACTION_TOKEN_INVALID);
  }

  @Test
  void tokenSignedWithUnknownKidIsRejected() {
    String token = issuer(NEW).issue("alice", "global", "WIN_MATCH").token();

    assertRejected(verifier(OLD, NOW), token, ErrorCode.ACTION_TOKEN_INVALID);
  }

  @Test
  void oldKeyStillVerifiesAfterRotation() {
    String beforeRotation = issuer(OLD).issue("alice", "global", "WIN_MATCH").token();
    ActionTokenIssuer rotated = issuer(NEW + "," + OLD);
    ActionTokenVerifier verifier = verifier(NEW + "," + OLD, NOW);

    assertThat(verifier.verify(beforeRotation).userId()).isEqualTo("alice");
    String afterRotation = rotated.issue("bob", "global", "WIN_MATCH").token();
    assertThat(verifier.verify(afterRotation).userId()).isEqualTo("bob");
    assertRejected(verifier(OLD, NOW), afterRotation, ErrorCode.ACTION_TOKEN_INVALID);
  }

  @Test
  void garbageIsRejected() {
    assertRejected(verifier(OLD, NOW), "not-a-token", ErrorCode.ACTION_TOKEN_INVALID);
  }
}
