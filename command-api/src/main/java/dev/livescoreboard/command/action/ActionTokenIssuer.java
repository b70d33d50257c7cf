package dev.livescoreboard.command.action;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/**
 * Signs action tokens: compact JWS, HS256, header {@code typ: action+jwt} and the signing {@code
 * kid}; claims {@code sub, board, act, nonce, iat, exp}. Thread-safe.
 */
public final class ActionTokenIssuer {

  static final JOSEObjectType TYPE = new JOSEObjectType("action+jwt");
  static final String BOARD = "board";
  static final String ACT = "act";
  static final String NONCE = "nonce";
  private static final int NONCE_BYTES = 16;

  private final ActionTokenKeys keys;
  private final Duration ttl;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final MACSigner signer;

  ActionTokenIssuer(ActionTokenKeys keys, Duration ttl, Clock clock) {
    this.keys = keys;
    this.ttl = ttl;
    this.clock = clock;
    try {
      this.signer = new MACSigner(keys.signingKey());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable action token signing key", e);
    }
  }

  /** A new single-use token for {@code userId} to complete {@code actionType} on {@code board}. */
  IssuedActionToken issue(String userId, String board, String actionType) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    ActionTokenClaims claims =
        new ActionTokenClaims(userId, board, actionType, newNonce(), now, now.plus(ttl));
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(TYPE).keyID(keys.signingKid()).build(),
            new JWTClaimsSet.Builder()
                .subject(claims.userId())
                .claim(BOARD, claims.board())
                .claim(ACT, claims.actionType())
                .claim(NONCE, claims.nonce())
                .issueTime(Date.from(claims.issuedAt()))
                .expirationTime(Date.from(claims.expiresAt()))
                .build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign an action token", e);
    }
    return new IssuedActionToken(jwt.serialize(), claims);
  }

  private String newNonce() {
    byte[] bytes = new byte[NONCE_BYTES];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
