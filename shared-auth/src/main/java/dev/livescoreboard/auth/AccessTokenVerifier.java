package dev.livescoreboard.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

/**
 * Verifies access tokens signed with RS256 or ES256 (every other algorithm, {@code none} and HMAC
 * included, is refused) against the auth service's JWKS, and checks {@code iss}, {@code aud},
 * {@code exp}, {@code nbf} (with the configured skew, at most 60 s) and {@code sub} ({@link
 * UserIds}). The {@code typ} header, when present, is {@code JWT} or {@code at+jwt}.
 *
 * <p>The JWKS is nimbus's cache: keys are kept for {@code jwksCacheTtl} and refreshed ahead of
 * expiry by the call that notices it; a token with an unknown {@code kid} triggers an immediate
 * refetch (key rotation), at most once per {@code jwksRefetchMinInterval}. A call may therefore
 * block for up to two JWKS timeouts: never call it on an event loop. Thread-safe.
 */
public final class AccessTokenVerifier implements AutoCloseable {

  /** The only signature algorithms accepted. */
  public static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  /** A key set is a few KB; anything much larger is not one. */
  private static final int JWKS_SIZE_LIMIT = 256 * 1024;

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final JWKSource<SecurityContext> keys;

  public AccessTokenVerifier(AccessTokenSettings settings) {
    this.keys = keySource(settings);
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "exp"));
    // Checks exp and, when present, nbf against this skew.
    claims.setMaxClockSkew((int) settings.clockSkew().toSeconds());
    processor.setJWTClaimsSetVerifier(claims);
  }

  private static JWKSource<SecurityContext> keySource(AccessTokenSettings settings) {
    int timeout = (int) settings.jwksTimeout().toMillis();
    long ttl = settings.jwksCacheTtl().toMillis();
    long minInterval = settings.jwksRefetchMinInterval().toMillis();
    try {
      JWKSourceBuilder<SecurityContext> builder =
          JWKSourceBuilder.<SecurityContext>create(
                  settings.jwksUrl().toURL(),
                  new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT))
              .cache(ttl, timeout)
              .refreshAheadCache(true)
              .retrying(true);
      return (minInterval > 0 ? builder.rateLimited(minInterval) : builder.rateLimited(false))
          .build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWKS URL is not a URL: " + settings.jwksUrl(), e);
    }
  }

  /**
   * What {@code token} says, once its signature and claims check out. Blocks while the JWKS is
   * fetched.
   *
   * @throws RejectedTokenException the token is not acceptable (401)
   * @throws KeysUnavailableException the keys cannot be fetched (503)
   */
  public VerifiedAccessToken verify(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (RateLimitReachedException e) {
      // An unknown kid while the JWKS was just fetched: no key matches, the token is bad.
      throw new RejectedTokenException("unknown kid (JWKS refetch rate-limited)");
    } catch (KeySourceException e) {
      throw new KeysUnavailableException("cannot fetch the JWKS: " + e.getMessage(), e);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      // nimbus's messages name the failed check, never the token itself.
      throw new RejectedTokenException(String.valueOf(e.getMessage()));
    }
    String sub = claims.getSubject();
    if (!UserIds.isValid(sub) || sub.isBlank()) {
      throw new RejectedTokenException("unusable sub");
    }
    try {
      List<String> roles = claims.getStringListClaim("roles");
      return new VerifiedAccessToken(
          sub,
          claims.getStringClaim("name"),
          roles == null ? List.of() : roles,
          claims.getJWTID(),
          claims.getExpirationTime().toInstant());
    } catch (ParseException e) {
      throw new RejectedTokenException("malformed name or roles claim");
    }
  }

  /** Stops the key cache's refresh-ahead executor. */
  @Override
  public void close() {
    if (keys instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // Nothing is left to release that a process exit would not.
      }
    }
  }
}
