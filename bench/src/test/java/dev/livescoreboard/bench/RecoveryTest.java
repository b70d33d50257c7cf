package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class RecoveryTest {

  /** One histogram per second, each holding 100 values of the given milliseconds (0: empty). */
  private static List<Histogram> seconds(long... ms) {
    List<Histogram> perSecond = new ArrayList<>();
    for (long v : ms) {
      Histogram h = new Histogram(1, 600_000_000L, 2);
      if (v > 0) {
        h.recordValueWithCount(v * 1000, 100);
      }
      perSecond.add(h);
    }
    return perSecond;
  }

  @Test
  void recoveryIsTheFirstSecondFromWhichOnEverySecondStaysWithinTheBound() {
    Recovery r = Recovery.of(seconds(1500, 800, 150, 400, 120, 90, 60), 200);

    assertThat(r.seconds()).hasValue(4);
    assertThat(r.within(10)).isTrue();
    assertThat(r.within(3)).isFalse();
    assertThat(r.p99Ms()).hasSize(7);
    assertThat(r.p99Ms().get(0)).isBetween(1490.0, 1510.0);
  }

  @Test
  void aStepThatIsNormalFromTheStartRecoveredAtSecondZero() {
    assertThat(Recovery.of(seconds(50, 60, 40), 200).seconds()).hasValue(0);
  }

  @Test
  void aSecondWithoutAdmittedCompletesIsNotNormal() {
    Recovery r = Recovery.of(seconds(50, 0, 40, 30), 200);

    assertThat(r.seconds()).hasValue(2);
    assertThat(r.p99Ms().get(1)).isNaN();
  }

  @Test
  void aStepThatEndsAboveTheBoundNeverRecovered() {
    Recovery r = Recovery.of(seconds(50, 60, 900), 200);

    assertThat(r.seconds()).isEmpty();
    assertThat(r.within(10)).isFalse();
    assertThat(Recovery.of(seconds(), 200).seconds()).isEmpty();
  }
}
