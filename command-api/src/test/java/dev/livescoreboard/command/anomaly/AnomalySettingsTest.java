package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AnomalySettingsTest {

  private static AnomalySettings settings(
      Duration lookback, AnomalySettings.PinnedRate pinned, AnomalySettings.PointsRate points) {
    return new AnomalySettings(
        Duration.ofMinutes(5),
        lookback,
        false,
        pinned,
        new AnomalySettings.MinimumDuration(Duration.ofSeconds(1), 0.8, 20),
        points);
  }

  private static final AnomalySettings.PinnedRate HOUR_OF_TEN_MINUTES =
      new AnomalySettings.PinnedRate(Duration.ofMinutes(10), 0.9, 6);
  private static final AnomalySettings.PointsRate TEN_TIMES =
      new AnomalySettings.PointsRate(10, 20);

  @Test
  void theDefaultsAreValid() {
    assertThatCode(() -> settings(Duration.ofHours(2), HOUR_OF_TEN_MINUTES, TEN_TIMES))
        .doesNotThrowAnyException();
  }

  @Test
  void lookbackMustHoldTheConsecutiveWindowsAndOneMore() {
    assertThatThrownBy(() -> settings(Duration.ofMinutes(60), HOUR_OF_TEN_MINUTES, TEN_TIMES))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lookback");
    assertThatCode(() -> settings(Duration.ofMinutes(70), HOUR_OF_TEN_MINUTES, TEN_TIMES))
        .doesNotThrowAnyException();
  }

  @Test
  void fractionsAndMultiplesOutsideTheirRangeAreRefused() {
    assertThatThrownBy(
            () ->
                settings(
                    Duration.ofHours(2),
                    new AnomalySettings.PinnedRate(Duration.ofMinutes(10), 1.5, 6),
                    TEN_TIMES))
        .hasMessageContaining("pinned-rate.fraction");
    assertThatThrownBy(
            () ->
                settings(
                    Duration.ofHours(2),
                    HOUR_OF_TEN_MINUTES,
                    new AnomalySettings.PointsRate(1, 20)))
        .hasMessageContaining("multiple-of-median");
  }
}
