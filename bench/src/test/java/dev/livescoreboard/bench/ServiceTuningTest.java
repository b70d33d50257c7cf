package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServiceTuningTest {

  @Test
  void perUserLimitsStayUnlessHotUsersPlayEveryAction() {
    assertThat(ServiceTuning.commandApi(false))
        .containsKey("SCOREBOARD_RATELIMITS_PERIP")
        .doesNotContainKeys("SCOREBOARD_RATELIMITS_START", "SCOREBOARD_RATELIMITS_COMPLETE");
    assertThat(ServiceTuning.commandApi(true))
        .containsKeys(
            "SCOREBOARD_RATELIMITS_PERIP",
            "SCOREBOARD_RATELIMITS_START",
            "SCOREBOARD_RATELIMITS_COMPLETE");
  }

  @Test
  void theGatewayAllowsEverySseReaderFromTheBenchsOneAddress() {
    assertThat(ServiceTuning.gateway()).containsKey("SCOREBOARD_GATEWAY_SSE_MAX_PER_ADDRESS");
  }
}
