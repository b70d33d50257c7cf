package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.util.unit.DataSize;

class ClientAddressesTest {

  private static ClientAddresses addresses(boolean behindProxy) {
    return new ClientAddresses(new HttpSettings(DataSize.ofKilobytes(16), behindProxy, List.of()));
  }

  private static MockHttpServletRequest request(String forwardedFor) {
    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setRemoteAddr("10.0.0.9");
    if (forwardedFor != null) {
      request.addHeader("X-Forwarded-For", forwardedFor);
    }
    return request;
  }

  @Test
  void forwardedForIsIgnoredUnlessBehindATrustedProxy() {
    assertThat(addresses(false).of(request("203.0.113.7"))).isEqualTo("10.0.0.9");
  }

  @Test
  void behindATrustedProxyTheEntryItAppendedIsTheClient() {
    assertThat(addresses(true).of(request("198.51.100.1, 203.0.113.7"))).isEqualTo("203.0.113.7");
  }

  @Test
  void withoutTheHeaderThePeerIsTheClient() {
    assertThat(addresses(true).of(request(null))).isEqualTo("10.0.0.9");
  }
}
