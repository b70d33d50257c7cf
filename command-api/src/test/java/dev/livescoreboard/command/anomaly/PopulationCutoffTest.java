package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PopulationCutoffTest {

  private static final AnomalySettings.PointsRate TEN_TIMES_OF_TWENTY =
      new AnomalySettings.PointsRate(10, 20);

  @Test
  void cutoffIsTheMultipleOfTheMedian() {
    assertThat(new PopulationCutoff(20, 35).cutoff(TEN_TIMES_OF_TWENTY)).hasValue(350.0);
  }

  @Test
  void tooSmallAPopulationIsNotCompared() {
    assertThat(new PopulationCutoff(19, 35).cutoff(TEN_TIMES_OF_TWENTY)).isEmpty();
  }

  @Test
  void aZeroMedianFlagsNobody() {
    // Most users scored 0 (capped): any multiple of 0 would flag everyone who scored at all.
    assertThat(new PopulationCutoff(1000, 0).cutoff(TEN_TIMES_OF_TWENTY)).isEmpty();
  }
}
