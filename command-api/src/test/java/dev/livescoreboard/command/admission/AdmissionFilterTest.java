package dev.livescoreboard.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionFilterTest {

  private static AdmissionSettings settings(int limit, int backlog) {
    return new AdmissionSettings(
        limit, limit, limit, backlog, Duration.ZERO, Duration.ofMillis(1500));
  }

  private static MockHttpServletRequest post(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setServletPath(path);
    return request;
  }

  @Test
  void onlyThePlayerWritesAreLimited() {
    AdmissionFilter filter =
        new AdmissionFilter(
            new AdmissionControl(settings(1, 0)), settings(1, 0), new SimpleMeterRegistry());

    assertThat(filter.shouldNotFilter(post("/api/v1/actions"))).isFalse();
    assertThat(filter.shouldNotFilter(post("/api/v1/actions/complete"))).isFalse();
    assertThat(filter.shouldNotFilter(post("/api/v1/admin/users"))).isTrue();
    assertThat(filter.shouldNotFilter(post("/api/v1/admin/tokens/revoke"))).isTrue();
    MockHttpServletRequest read = new MockHttpServletRequest("GET", "/api/v1/actions");
    read.setServletPath("/api/v1/actions");
    assertThat(filter.shouldNotFilter(read)).isTrue();
  }

  @Test
  void withNoPermitFreeTheRequestIsRefusedWithoutReachingTheChain() throws Exception {
    AdmissionSettings settings = settings(1, 0);
    AdmissionControl control = new AdmissionControl(settings);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AdmissionFilter filter = new AdmissionFilter(control, settings, meters);
    var held = control.admitStart().orElseThrow();
    MockFilterChain chain = new MockFilterChain();
    MockHttpServletResponse response = new MockHttpServletResponse();

    filter.doFilter(post("/api/v1/actions/complete"), response, chain);

    assertThat(chain.getRequest()).isNull();
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("2");
    assertThat(response.getContentAsString()).contains("\"code\":\"UNAVAILABLE\"");
    assertThat(meters.counter("scoreboard.admission.refused").count()).isEqualTo(1);
    held.onIgnore();
  }

  @Test
  void anAdmittedRequestGivesItsPermitBack() throws Exception {
    AdmissionSettings settings = settings(1, 0);
    AdmissionControl control = new AdmissionControl(settings);
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    AdmissionFilter filter = new AdmissionFilter(control, settings, meters);

    for (int i = 0; i < 3; i++) {
      MockFilterChain chain = new MockFilterChain();
      filter.doFilter(post("/api/v1/actions"), new MockHttpServletResponse(), chain);
      assertThat(chain.getRequest()).isNotNull();
    }

    assertThat(control.inFlight()).isZero();
    assertThat(meters.counter("scoreboard.admission.admitted").count()).isEqualTo(3);
    assertThat(meters.find("scoreboard.admission.limit").gauge().value()).isEqualTo(1);
  }

  @Test
  void limitsMustBeOrdered() {
    assertThatThrownBy(() -> new AdmissionSettings(10, 20, 40, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AdmissionSettings(50, 8, 40, 0, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
