package dev.livescoreboard.command.auth;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are verified ({@code scoreboard.jwt.*}).
 *
 * @param jwksUrl where the auth service publishes its public keys
 * @param issuer the exact {@code iss} required
 * @param audience the {@code aud} value required
 * @param clockSkew tolerance for {@code exp}/{@code nbf} between our clock and the issuer's, at
 *     most 60 s
 * @param jwksTimeout connect and read timeout of a JWKS fetch
 * @param jwksCacheTtl how long fetched keys are used before they are fetched again (refreshed ahead
 *     of expiry; an unknown {@code kid} refetches at once)
 * @param jwksRefetchMinInterval at most one JWKS fetch per interval, so tokens with made-up {@code
 *     kid}s cannot hammer the auth service
 * @param maxTokenLifetime the longest access-token lifetime the auth service issues; a revocation
 *     without {@code expiresAt} is kept this long
 * @param verifiedCacheSize how many verified tokens are remembered (0: verify every request)
 * @param verifiedCacheTtl the longest a verified token is trusted without verifying it again
 */
@ConfigurationProperties("scoreboard.jwt")
record JwtSettings(
    URI jwksUrl,
    String issuer,
    String audience,
    Duration clockSkew,
    Duration jwksTimeout,
    Duration jwksCacheTtl,
    Duration jwksRefetchMinInterval,
    Duration maxTokenLifetime,
    Long verifiedCacheSize,
    Duration verifiedCacheTtl) {

  JwtSettings {
    if (jwksUrl == null
        || issuer == null
        || issuer.isBlank()
        || audience == null
        || audience.isBlank()) {
      throw new IllegalArgumentException(
          "scoreboard.jwt.jwks-url, issuer and audience are required");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("scoreboard.jwt.clock-skew must be between 0 and 60 s");
    }
    jwksCacheTtl = jwksCacheTtl == null ? Duration.ofMinutes(5) : jwksCacheTtl;
    jwksRefetchMinInterval =
        jwksRefetchMinInterval == null ? Duration.ofSeconds(30) : jwksRefetchMinInterval;
    maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(12) : maxTokenLifetime;
    verifiedCacheSize = verifiedCacheSize == null ? 10_000L : verifiedCacheSize;
    verifiedCacheTtl = verifiedCacheTtl == null ? Duration.ofSeconds(60) : verifiedCacheTtl;
    if (verifiedCacheSize < 0 || verifiedCacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "scoreboard.jwt.verified-cache-size and verified-cache-ttl must not be negative");
    }
    if (jwksCacheTtl.compareTo(Duration.ofSeconds(10)) < 0
        || jwksRefetchMinInterval.isNegative()
        || jwksRefetchMinInterval.compareTo(jwksCacheTtl) >= 0
        || maxTokenLifetime.isNegative()
        || maxTokenLifetime.isZero()) {
      throw new IllegalArgumentException(
          "scoreboard.jwt: jwks-cache-ttl must be at least 10 s and longer than"
              + " jwks-refetch-min-interval, max-token-lifetime positive");
    }
  }
}
