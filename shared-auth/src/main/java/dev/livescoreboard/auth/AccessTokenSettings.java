package dev.livescoreboard.auth;

import java.net.URI;
import java.time.Duration;

/**
 * How access tokens are verified, the same for every service.
 *
 * @param jwksUrl where the auth service publishes its public keys
 * @param issuer the exact {@code iss} required
 * @param audience the {@code aud} value required
 * @param clockSkew tolerance for {@code exp}/{@code nbf} between our clock and the issuer's, at
 *     most {@link #MAX_CLOCK_SKEW}
 * @param jwksTimeout connect and read timeout of a JWKS fetch
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again (refreshed ahead
 *     of expiry; an unknown {@code kid} refetches at once), at least 10 s
 * @param jwksRefetchMinInterval at most one JWKS fetch per interval, so tokens with made-up {@code
 *     kid}s cannot hammer the auth service; shorter than {@code jwksCacheTtl}
 */
public record AccessTokenSettings(
    URI jwksUrl,
    String issuer,
    String audience,
    Duration clockSkew,
    Duration jwksTimeout,
    Duration jwksCacheTtl,
    Duration jwksRefetchMinInterval) {

  /** The auth service and our hosts run NTP; 30 s absorbs a badly drifting one. */
  public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(30);

  /** More tolerance would keep an expired token alive for too long. */
  public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);

  /** A JWKS fetch is one small loopback-or-LAN request; longer means the auth service is down. */
  public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofSeconds(2);

  /** Keys rotate rarely; an unknown kid refetches at once anyway. */
  public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(5);

  /** A made-up kid costs the auth service at most one fetch per 30 s per instance. */
  public static final Duration DEFAULT_JWKS_REFETCH_MIN_INTERVAL = Duration.ofSeconds(30);

  public AccessTokenSettings {
    if (jwksUrl == null
        || issuer == null
        || issuer.isBlank()
        || audience == null
        || audience.isBlank()) {
      throw new IllegalArgumentException("the JWKS URL, issuer and audience are required");
    }
    clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    jwksTimeout = jwksTimeout == null ? DEFAULT_JWKS_TIMEOUT : jwksTimeout;
    jwksCacheTtl = jwksCacheTtl == null ? DEFAULT_JWKS_CACHE_TTL : jwksCacheTtl;
    jwksRefetchMinInterval =
        jwksRefetchMinInterval == null ? DEFAULT_JWKS_REFETCH_MIN_INTERVAL : jwksRefetchMinInterval;
    if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
      throw new IllegalArgumentException("the clock skew must be between 0 and 60 s");
    }
    if (jwksTimeout.isNegative() || jwksTimeout.isZero()) {
      throw new IllegalArgumentException("the JWKS timeout must be positive");
    }
    if (jwksCacheTtl.compareTo(Duration.ofSeconds(10)) < 0
        || jwksRefetchMinInterval.isNegative()
        || jwksRefetchMinInterval.compareTo(jwksCacheTtl) >= 0) {
      throw new IllegalArgumentException(
          "the JWKS cache TTL must be at least 10 s and longer than the refetch interval");
    }
  }

  /** The given endpoint and claims with every other setting at its default. */
  public static AccessTokenSettings of(URI jwksUrl, String issuer, String audience) {
    return new AccessTokenSettings(jwksUrl, issuer, audience, null, null, null, null);
  }

  /** These settings with another minimum refetch interval (tests rotate keys at once: zero). */
  public AccessTokenSettings withJwksRefetchMinInterval(Duration interval) {
    return new AccessTokenSettings(
        jwksUrl, issuer, audience, clockSkew, jwksTimeout, jwksCacheTtl, interval);
  }
}
