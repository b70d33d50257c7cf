package dev.livescoreboard.command.auth;

import dev.livescoreboard.auth.AccessTokenSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How access tokens are verified ({@code scoreboard.jwt.*}): the fields shared with every service
 * ({@link AccessTokenSettings}, which also holds their defaults and limits) and command-api's own.
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
    AccessTokenSettings shared;
    try {
      shared =
          new AccessTokenSettings(
              jwksUrl,
              issuer,
              audience,
              clockSkew,
              jwksTimeout,
              jwksCacheTtl,
              jwksRefetchMinInterval);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("scoreboard.jwt: " + e.getMessage(), e);
    }
    clockSkew = shared.clockSkew();
    jwksTimeout = shared.jwksTimeout();
    jwksCacheTtl = shared.jwksCacheTtl();
    jwksRefetchMinInterval = shared.jwksRefetchMinInterval();
    maxTokenLifetime = maxTokenLifetime == null ? Duration.ofHours(12) : maxTokenLifetime;
    verifiedCacheSize = verifiedCacheSize == null ? 10_000L : verifiedCacheSize;
    verifiedCacheTtl = verifiedCacheTtl == null ? Duration.ofSeconds(60) : verifiedCacheTtl;
    if (verifiedCacheSize < 0 || verifiedCacheTtl.isNegative()) {
      throw new IllegalArgumentException(
          "scoreboard.jwt.verified-cache-size and verified-cache-ttl must not be negative");
    }
    if (maxTokenLifetime.isNegative() || maxTokenLifetime.isZero()) {
      throw new IllegalArgumentException("scoreboard.jwt.max-token-lifetime must be positive");
    }
  }

  /** The part every service shares (shared-auth's verifier reads it). */
  AccessTokenSettings accessTokens() {
    return new AccessTokenSettings(
        jwksUrl, issuer, audience, clockSkew, jwksTimeout, jwksCacheTtl, jwksRefetchMinInterval);
  }
}
