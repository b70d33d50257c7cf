package dev.livescoreboard.command.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Verifies RS256 access tokens against the auth service's JWKS (fetched and cached by nimbus,
 * refreshed when an unknown {@code kid} appears) and checks {@code iss}, {@code aud}, {@code exp}
 * and {@code sub}. Thread-safe.
 */
@Component
class AccessTokenVerifier {

  private static final Logger log = LoggerFactory.getLogger(AccessTokenVerifier.class);
  private static final int MAX_SUBJECT_LENGTH = 255;
  private static final int JWKS_SIZE_LIMIT = 256 * 1024;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  AccessTokenVerifier(JwtSettings settings) {
    JWKSource<SecurityContext> keys;
    try {
      int timeout = (int) settings.jwksTimeout().toMillis();
      keys =
          JWKSourceBuilder.create(
                  settings.jwksUrl().toURL(),
                  new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
              .retrying(true)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("scoreboard.jwt.jwks-url is not a URL", e);
    }
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "exp"));
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * The caller named by {@code token}.
   *
   * @throws ApiException {@code UNAUTHORIZED} for a bad token, {@code UNAVAILABLE} when the keys
   *     cannot be fetched
   */
  AuthenticatedUser verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (KeySourceException e) {
      log.warn("cannot fetch the JWKS: {}", e.getMessage());
      throw new ApiException(ErrorCode.UNAVAILABLE, "the auth keys are unavailable, retry later");
    } catch (ParseException | BadJOSEException | JOSEException e) {
      log.info("rejected access token: {}", e.getMessage());
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the access token is invalid or expired");
    }
    String sub = claims.getSubject();
    if (sub.isBlank() || sub.length() > MAX_SUBJECT_LENGTH) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the access token has an unusable subject");
    }
    try {
      List<String> roles = claims.getStringListClaim("roles");
      return new AuthenticatedUser(
          sub, claims.getStringClaim("name"), roles == null ? List.of() : roles);
    } catch (ParseException e) {
      throw new ApiException(ErrorCode.UNAUTHORIZED, "the access token has malformed claims");
    }
  }
}
