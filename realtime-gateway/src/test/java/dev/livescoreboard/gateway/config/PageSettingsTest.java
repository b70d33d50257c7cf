package dev.livescoreboard.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PageSettingsTest {

  @Test
  void withoutADevAuthServerThePageMayConnectToItsOwnOriginOnly() {
    PageSettings page = GatewaySettings.fromEnvironment(Map.of()).page();

    assertThat(page.devAuthOrigin()).isEmpty();
    assertThat(page.contentSecurityPolicy())
        .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
        .endsWith("connect-src 'self'")
        .doesNotContain("ws:", "wss:", "*", "unsafe");
  }

  @Test
  void aConfiguredDevAuthServerIsTheOneOtherOriginThePageMayConnectTo() {
    PageSettings page =
        GatewaySettings.fromEnvironment(
                Map.of("SCOREBOARD_GATEWAY_DEV_AUTH_URL", "http://127.0.0.1:8090/some/path"))
            .page();

    assertThat(page.devAuthOrigin()).hasValue("http://127.0.0.1:8090");
    assertThat(page.contentSecurityPolicy()).endsWith("connect-src 'self' http://127.0.0.1:8090");
  }

  @Test
  void aDevAuthUrlThatIsNoHttpUrlIsRefused() {
    assertThatThrownBy(
            () ->
                GatewaySettings.fromEnvironment(
                    Map.of("SCOREBOARD_GATEWAY_DEV_AUTH_URL", "javascript:alert(1)")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
