package dev.livescoreboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessTokenSettingsTest {

  private static final URI JWKS = URI.create("http://auth/jwks.json");

  @Test
  void unsetValuesTakeTheDefaults() {
    AccessTokenSettings settings = AccessTokenSettings.of(JWKS, "iss", "aud");

    assertThat(settings.clockSkew()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.jwksRefetchMinInterval()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aSkewAboveSixtySecondsIsRefused() {
    assertThatThrownBy(
            () ->
                new AccessTokenSettings(
                    JWKS, "iss", "aud", Duration.ofSeconds(61), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void issuerAndAudienceAreRequired() {
    assertThatThrownBy(() -> AccessTokenSettings.of(JWKS, " ", "aud"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AccessTokenSettings.of(JWKS, "iss", null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
