package dev.livescoreboard.command.auth;

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
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.UserIds;
import dev.livescoreboard.events.ErrorCode;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Verifies access tokens signed with RS256 or ES256 (every other algorithm, {@code none} and HMAC
 * included, is refused) against the auth service's JWKS, and checks {@code iss}, {@code aud},
 * {@code exp}, {@code nbf} (with the configured skew, at most 60 s) and {@code sub}.
 *
 * <p>The JWKS is nimbus's cache: keys are kept for {@code jwks-cache-ttl} and refreshed ahead of
 * expiry by the request that notices it; a token with an unknown {@code kid} triggers an immediate
 * refetch (key rotation), at most once per {@code jwks-refetch-min-interval}. A token that passed
 * is remembered in a {@link VerifiedTokenCache} until it expires (at most {@code
 * verified-cache-ttl}): signature verification was the largest CPU cost of a request. Thread-safe.
 */
@Component
class AccessTokenVerifier implements DisposableBean {

  static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private static final Logger log = LoggerFactory.getLogger(AccessTokenVerifier.class);
  private static final int JWKS_SIZE_LIMIT = 256 * 1024;
  private static final String INVALID = "the access token is invalid or expired";

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final JWKSource<SecurityContext> keys;
  private final VerifiedTokenCache verified;

  AccessTokenVerifier(JwtSettings settings, Clock clock) {
    this.keys = keySource(settings);
    this.verified =
        new VerifiedTokenCache(clock, settings.verifiedCacheSize(), settings.verifiedCacheTtl());
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

  private static JWKSource<SecurityContext> keySource(JwtSettings settings) {
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
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("scoreboard.jwt.jwks-url is not a URL", e);
    }
  }

  /** Stops the cache's refresh-ahead executor. */
  @Override
  public void destroy() throws IOException {
    if (keys instanceof Closeable closeable) {
      closeable.close();
    }
  }

  /**
   * The caller named by {@code token}.
   *
   * @throws ApiException {@code UNAUTHORIZED} ({@link RejectedAccessTokenException}) for a bad
   *     token, {@code UNAVAILABLE} when the keys cannot be fetched
   */
  VerifiedAccessToken verify(String token) {
    VerifiedAccessToken known = verified.get(token);
    if (known != null) {
      return known;
    }
    VerifiedAccessToken checked = check(token);
    verified.put(token, checked);
    return checked;
  }

  private VerifiedAccessToken check(String token) {
    JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (RateLimitReachedException e) {
      // An unknown kid while the JWKS was just fetched: no key matches, the token is bad.
      throw new RejectedAccessTokenException(INVALID, "unknown kid (JWKS refetch rate-limited)");
    } catch (KeySourceException e) {
      log.warn("cannot fetch the JWKS: {}", e.getMessage());
      throw new ApiException(ErrorCode.UNAVAILABLE, "the auth keys are unavailable, retry later");
    } catch (ParseException | BadJOSEException | JOSEException e) {
      // nimbus's messages name the failed check, never the token itself.
      throw new RejectedAccessTokenException(INVALID, e.getMessage());
    }
    String sub = claims.getSubject();
    if (sub.isBlank() || !UserIds.isValid(sub)) {
      throw new RejectedAccessTokenException(
          "the access token has an unusable subject", "unusable sub");
    }
    try {
      List<String> roles = claims.getStringListClaim("roles");
      AuthenticatedUser caller =
          new AuthenticatedUser(
              sub, claims.getStringClaim("name"), roles == null ? List.of() : roles);
      return new VerifiedAccessToken(
          caller, claims.getJWTID(), claims.getExpirationTime().toInstant());
    } catch (ParseException e) {
      throw new RejectedAccessTokenException(
          "the access token has malformed claims", "malformed name or roles claim");
    }
  }
}
