package dev.livescoreboard.gateway.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.Set;

/**
 * Verifies user access tokens: RS256 signatures against the auth service's JWKS (fetched and cached
 * by nimbus, refetched on an unknown key id), exact issuer, audience, and expiry. Blocks when the
 * key set has to be fetched: call on the blocking executor.
 */
public final class JwtVerifier {

  /** Small, because the auth service and the gateway share a clock source in practice. */
  private static final int MAX_CLOCK_SKEW_SECONDS = 30;

  private static final int JWKS_CONNECT_TIMEOUT_MILLIS = 2_000;
  private static final int JWKS_READ_TIMEOUT_MILLIS = 2_000;

  /** A key set is a few KB; anything larger is not one. */
  private static final int JWKS_SIZE_LIMIT_BYTES = 64 * 1024;

  private final ConfigurableJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  public JwtVerifier(URI jwksUrl, String issuer, String audience) {
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(
                  jwksUrl.toURL(),
                  new DefaultResourceRetriever(
                      JWKS_CONNECT_TIMEOUT_MILLIS, JWKS_READ_TIMEOUT_MILLIS, JWKS_SIZE_LIMIT_BYTES))
              .retrying(true)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("bad JWKS URL: " + jwksUrl, e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            audience, new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"));
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * The principal of a valid token.
   *
   * @throws InvalidTokenException if the token is not acceptable
   * @throws IllegalStateException if the key set cannot be fetched (the caller answers 503)
   */
  public Principal verify(String token) throws InvalidTokenException {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      return new Principal(
          claims.getSubject(),
          claims.getStringClaim("name"),
          claims.getExpirationTime().toInstant());
    } catch (ParseException | BadJOSEException e) {
      throw new InvalidTokenException(e.getMessage(), e);
    } catch (JOSEException e) {
      throw new IllegalStateException("token keys unavailable: " + e.getMessage(), e);
    }
  }
}
