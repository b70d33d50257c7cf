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
 */
@ConfigurationProperties("scoreboard.jwt")
record JwtSettings(
    URI jwksUrl, String issuer, String audience, Duration clockSkew, Duration jwksTimeout) {

  JwtSettings {
    if (jwksUrl == null || issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
      throw new IllegalArgumentException("scoreboard.jwt.jwks-url, issuer and audience are required");
    }
    if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
      throw new IllegalArgumentException("scoreboard.jwt.clock-skew must be between 0 and 60 s");
    }
  }
}
