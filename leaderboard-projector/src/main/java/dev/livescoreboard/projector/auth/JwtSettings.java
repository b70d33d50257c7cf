package dev.livescoreboard.projector.auth;

import dev.livescoreboard.auth.AccessTokenSettings;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which access tokens the admin endpoints accept ({@code scoreboard.jwt.*}, the same variables as
 * command-api's); JWKS caching and refetch take shared-auth's defaults.
 *
 * @param jwksUrl where the auth service publishes its public keys
 * @param issuer the exact {@code iss} required
 * @param audience the {@code aud} value required
 * @param clockSkew tolerance for {@code exp}/{@code nbf}, at most 60 s
 */
@ConfigurationProperties("scoreboard.jwt")
record JwtSettings(URI jwksUrl, String issuer, String audience, Duration clockSkew) {

  AccessTokenSettings accessTokens() {
    return new AccessTokenSettings(jwksUrl, issuer, audience, clockSkew, null, null, null);
  }
}
