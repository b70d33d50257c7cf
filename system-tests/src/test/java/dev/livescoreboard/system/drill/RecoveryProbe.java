package dev.livescoreboard.system.drill;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * How long after a fault's repair the whole pipeline serves again: a fresh player plays one action
 * (retrying as README says, as often as it takes) until it is acknowledged, and the gateway then
 * shows their score. Measures from the repair to that moment.
 */
final class RecoveryProbe {

  private static final String ACTION = "REFER_FRIEND_COMPLETED";
  private static final Duration AT_MOST = Duration.ofMinutes(3);

  private RecoveryProbe() {}

  static Duration measure(Instant repaired, DrillPlayer probe, String gatewayUrl) {
    ActionLog.Action acknowledged =
        await("an action acknowledged after the repair")
            .atMost(AT_MOST)
            .pollInterval(Duration.ofMillis(250))
            .until(
                () -> probe.resting(ACTION) ? null : probe.play(ACTION).get(),
                action -> action != null && action.isAcknowledged());
    String user =
        gatewayUrl + "/api/v1/leaderboards/" + PipelineChecks.BOARD + "/users/" + probe.userId();
    await("the acknowledged action shown by the gateway")
        .atMost(AT_MOST)
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              JsonNode shown = Http.json(user);
              return shown != null && shown.path("score").asLong() == acknowledged.newScore();
            });
    return Duration.between(repaired, Instant.now());
  }
}
