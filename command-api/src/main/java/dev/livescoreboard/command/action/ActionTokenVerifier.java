package dev.livescoreboard.command.action;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import javax.crypto.SecretKey;

/**
 * Checks action tokens: HS256 only (so {@code alg: none} and RSA tokens fail), {@code typ:
 * action+jwt}, a known {@code kid}, a valid signature, then expiry. Thread-safe.
 */
public final class ActionTokenVerifier {

  private static final int MAX_TOKEN_LENGTH = 2048;
  private static final int MAX_CLAIM_LENGTH = 255;

  private final ActionTokenKeys keys;
  private final Clock clock;

  ActionTokenVerifier(ActionTokenKeys keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /**
   * The claims of {@code token}.
   *
   * @throws ApiException {@code ACTION_TOKEN_INVALID} (malformed, wrong algorithm or type, unknown
   *     key, bad signature, missing claims) or {@code ACTION_TOKEN_EXPIRED}
   */
  public ActionTokenClaims verify(String token) {
    if (token == null || token.length() > MAX_TOKEN_LENGTH) {
      throw invalid();
    }
    try {
      SignedJWT jwt = SignedJWT.parse(token);
      JWSHeader header = jwt.getHeader();
      if (!JWSAlgorithm.HS256.equals(header.getAlgorithm())
          || !ActionTokenIssuer.TYPE.equals(header.getType())) {
        throw invalid();
      }
      SecretKey key = keys.find(header.getKeyID()).orElseThrow(ActionTokenVerifier::invalid);
      if (!jwt.verify(new MACVerifier(key))) {
        throw invalid();
      }
      ActionTokenClaims claims = read(jwt.getJWTClaimsSet());
      if (!claims.expiresAt().isAfter(clock.instant())) {
        throw new ApiException(ErrorCode.ACTION_TOKEN_EXPIRED, "the action token has expired");
      }
      return claims;
    } catch (ParseException | JOSEException e) {
      throw invalid();
    }
  }

  private static ActionTokenClaims read(JWTClaimsSet claims) throws ParseException {
    return new ActionTokenClaims(
        text(claims.getSubject()),
        text(claims.getStringClaim(ActionTokenIssuer.BOARD)),
        text(claims.getStringClaim(ActionTokenIssuer.ACT)),
        text(claims.getStringClaim(ActionTokenIssuer.NONCE)),
        instant(claims.getIssueTime()),
        instant(claims.getExpirationTime()));
  }

  private static String text(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_CLAIM_LENGTH) {
      throw invalid();
    }
    return value;
  }

  private static Instant instant(Date date) {
    if (date == null) {
      throw invalid();
    }
    return date.toInstant();
  }

  private static ApiException invalid() {
    return new ApiException(ErrorCode.ACTION_TOKEN_INVALID, "the action token is invalid");
  }
}
