package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.action.ActionDefinition;
import dev.livescoreboard.command.ratelimit.RateLimitSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateCeilingTest {

  private static final Duration TEN_MINUTES = Duration.ofMinutes(10);
  private static final RateLimitSettings TEN_PER_MINUTE =
      new RateLimitSettings(true, Duration.ofMinutes(1), 30, 10, Map.of("WIN_MATCH", 2), 300);
  private static final RateLimitSettings OFF =
      new RateLimitSettings(false, Duration.ofMinutes(1), 30, 10, Map.of(), 300);

  private static ActionDefinition action(String type, Integer maxPerHour) {
    return new ActionDefinition(type, 10, maxPerHour, null, false, 0, null);
  }

  @Test
  void hourlyQuotaScaledToTheWindowWinsWhenItIsTighterThanTheRateLimit() {
    RateCeiling ceiling =
        RateCeiling.of(action("COMPLETE_LEVEL", 120), TEN_PER_MINUTE, TEN_MINUTES, 0.9)
            .orElseThrow();

    // 120/hour → 20 per 10 minutes (the rate limit would allow 100); 90 % of 20 is exactly 18.
    assertThat(ceiling.ceiling()).isEqualTo(20.0);
    assertThat(ceiling.threshold()).isEqualTo(18);
  }

  @Test
  void rateLimitScaledToTheWindowWinsWhenTheActionHasNoTighterQuota() {
    RateCeiling unlimited =
        RateCeiling.of(action("REFER", null), TEN_PER_MINUTE, TEN_MINUTES, 0.9).orElseThrow();
    RateCeiling overridden =
        RateCeiling.of(action("WIN_MATCH", 600), TEN_PER_MINUTE, TEN_MINUTES, 0.9).orElseThrow();

    assertThat(unlimited.ceiling()).isEqualTo(100.0);
    assertThat(unlimited.threshold()).isEqualTo(90);
    // The action's own rate-limit override (2 per minute) is its limit, not the default 10.
    assertThat(overridden.ceiling()).isEqualTo(20.0);
  }

  @Test
  void actionsThatCannotBePinnedAreLeftOut() {
    Map<String, RateCeiling> ceilings =
        RateCeiling.of(
            List.of(action("NO_LIMIT", null), action("RARE", 3), action("SPRINT", 60)),
            OFF,
            TEN_MINUTES,
            0.9);

    // No limit at all (rate limits off), or less than one complete per window (3/hour).
    assertThat(ceilings).containsOnlyKeys("SPRINT");
    assertThat(ceilings.get("SPRINT").threshold()).isEqualTo(9);
  }

  @Test
  void thresholdIsAtLeastOneComplete() {
    RateCeiling ceiling = RateCeiling.of(action("HOURLY", 6), OFF, TEN_MINUTES, 0.5).orElseThrow();

    assertThat(ceiling.ceiling()).isEqualTo(1.0);
    assertThat(ceiling.threshold()).isEqualTo(1);
  }
}
