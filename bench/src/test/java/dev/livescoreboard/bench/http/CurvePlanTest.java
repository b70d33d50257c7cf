package dev.livescoreboard.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CurvePlanTest {

  private static final long S = 1_000_000_000L;

  private final CurvePlan plan =
      new CurvePlan(
          0,
          Duration.ofSeconds(10),
          List.of(100.0, 200.0),
          Duration.ofSeconds(5),
          50,
          Duration.ofSeconds(4));

  @Test
  void stepsFollowTheWarmUpBackToBackWithTheRecoveryLast() {
    assertThat(plan.steps())
        .containsExactly(
            new CurvePlan.Step(0, 100, 10 * S, 15 * S, false),
            new CurvePlan.Step(1, 200, 15 * S, 20 * S, false),
            new CurvePlan.Step(2, 50, 20 * S, 24 * S, true));
    assertThat(plan.steps().get(2).length()).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void arrivalsAreTheRampToTheFirstRateThenEachStepsRateTimesItsLength() {
    // Ramp 10 → 100/s over 10 s: 100 × 10 × 1.1 / 2 = 550; then 500 + 1,000 + 200.
    assertThat(plan.arrivals()).isEqualTo(550 + 500 + 1_000 + 200);
    assertThat(plan.intendedNanos(0)).isZero();
    assertThat(plan.intendedNanos(550)).as("first arrival of step 1").isEqualTo(10 * S);
    assertThat(plan.intendedNanos(551)).isEqualTo(10 * S + S / 100);
    assertThat(plan.intendedNanos(1_050)).as("first arrival of step 2").isEqualTo(15 * S);
    assertThat(plan.intendedNanos(1_051)).isEqualTo(15 * S + S / 200);
    assertThat(plan.intendedNanos(2_050)).as("first arrival of the recovery").isEqualTo(20 * S);
    assertThat(plan.intendedNanos(2_249)).isEqualTo(20 * S + 199 * S / 50);
  }

  @Test
  void arrivalTimesNeverGoBackwards() {
    long previous = Long.MIN_VALUE;
    for (long i = 0; i < plan.arrivals(); i++) {
      long t = plan.intendedNanos(i);
      assertThat(t).isGreaterThanOrEqualTo(previous);
      previous = t;
    }
    assertThat(previous).isLessThan(24 * S);
  }

  @Test
  void anArrivalBelongsToTheStepItsIntendedTimeFallsInAndTheWarmUpToNone() {
    assertThat(plan.stepAt(9 * S)).isNull();
    assertThat(plan.stepAt(10 * S).index()).isZero();
    assertThat(plan.stepAt(15 * S - 1).index()).isZero();
    assertThat(plan.stepAt(15 * S).index()).isEqualTo(1);
    assertThat(plan.stepAt(23 * S).recovery()).isTrue();
    assertThat(plan.stepAt(24 * S)).isNull();
  }

  @Test
  void withoutWarmUpTheFirstStepStartsAtOnce() {
    CurvePlan cold =
        new CurvePlan(
            7, Duration.ZERO, List.of(10.0), Duration.ofSeconds(2), 5, Duration.ofSeconds(2));

    assertThat(cold.steps().get(0).fromNanos()).isEqualTo(7);
    assertThat(cold.arrivals()).isEqualTo(20 + 10);
    assertThat(cold.intendedNanos(0)).isEqualTo(7);
  }

  @Test
  void aCurveNeedsRatesAndPositiveSteps() {
    assertThatThrownBy(
            () ->
                new CurvePlan(
                    0, Duration.ZERO, List.of(), Duration.ofSeconds(1), 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                new CurvePlan(
                    0, Duration.ZERO, List.of(1.0), Duration.ZERO, 1, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
