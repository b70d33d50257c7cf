package dev.livescoreboard.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OpenScheduleTest {

  @Test
  void arrivalsAreEvenlySpacedFromTheStart() {
    OpenSchedule schedule = new OpenSchedule(200, 1_000);

    assertThat(schedule.intendedNanos(0)).isEqualTo(1_000);
    assertThat(schedule.intendedNanos(1)).isEqualTo(1_000 + 5_000_000);
    assertThat(schedule.intendedNanos(200)).isEqualTo(1_000 + 1_000_000_000);
  }

  @Test
  void fractionalRatesDoNotDrift() {
    OpenSchedule schedule = new OpenSchedule(3, 0);

    assertThat(schedule.intendedNanos(3_000)).isEqualTo(1_000_000_000_000L);
    assertThat(schedule.intendedNanos(1)).isEqualTo(333_333_333);
  }

  @Test
  void arrivalsWithinASpanCountEveryDueTimeBeforeItsEnd() {
    OpenSchedule schedule = new OpenSchedule(200, 0);

    assertThat(schedule.arrivalsWithin(Duration.ofSeconds(35))).isEqualTo(7_000);
    assertThat(schedule.arrivalsWithin(Duration.ofMillis(7))).isEqualTo(2);
    assertThat(schedule.firstArrivalAt(Duration.ofSeconds(5))).isEqualTo(1_000);
    assertThat(schedule.intendedNanos(schedule.firstArrivalAt(Duration.ofSeconds(5))))
        .isEqualTo(Duration.ofSeconds(5).toNanos());
  }

  @Test
  void rampOffersTheIntegralOfALinearlyRisingRateThenTheTargetRate() {
    OpenSchedule schedule = new OpenSchedule(100, 0, Duration.ofSeconds(10), 0.1);

    // 100/s × 10 s × (0.1 + 1) / 2 = 550 arrivals during the ramp, then 100/s.
    assertThat(schedule.arrivalsWithin(Duration.ofSeconds(10))).isEqualTo(550);
    assertThat(schedule.arrivalsWithin(Duration.ofSeconds(12))).isEqualTo(750);
    assertThat(schedule.intendedNanos(550)).isEqualTo(Duration.ofSeconds(10).toNanos());
    assertThat(schedule.intendedNanos(650)).isEqualTo(Duration.ofSeconds(11).toNanos());
    assertThat(schedule.rateAt(0)).isCloseTo(10, within(1e-9));
    assertThat(schedule.rateAt(5)).isCloseTo(55, within(1e-9));
    assertThat(schedule.rateAt(30)).isEqualTo(100);
  }

  @Test
  void arrivalsDuringTheRampStartSparseAndGetDenserWithoutGoingBackInTime() {
    OpenSchedule schedule = new OpenSchedule(100, 0, Duration.ofSeconds(10), 0.1);

    long firstGap = schedule.intendedNanos(1) - schedule.intendedNanos(0);
    long lastGap = schedule.intendedNanos(550) - schedule.intendedNanos(549);
    assertThat(firstGap).isBetween(90_000_000L, 100_000_000L); // ≈ 1 / (10 per s)
    assertThat(lastGap).isBetween(10_000_000L, 10_200_000L); // ≈ 1 / (100 per s)
    for (long i = 1; i <= 600; i++) {
      assertThat(schedule.intendedNanos(i)).isGreaterThan(schedule.intendedNanos(i - 1));
    }
  }

  @Test
  void loadPlanMeasuresOnlyTheWindowAfterTheRamp() {
    LoadPlan plan = new LoadPlan(1_000, Duration.ofSeconds(60), Duration.ofSeconds(30));
    OpenSchedule schedule = plan.schedule(200);

    long firstMeasured = schedule.firstArrivalAt(plan.warmup());
    assertThat(schedule.intendedNanos(firstMeasured))
        .isGreaterThanOrEqualTo(plan.windowStartNanos());
    assertThat(schedule.intendedNanos(firstMeasured - 1)).isLessThan(plan.windowStartNanos());
    assertThat(plan.arrivals(schedule) - firstMeasured).isEqualTo(200 * 30);
    assertThat(plan.windowEndNanos() - plan.windowStartNanos())
        .isEqualTo(Duration.ofSeconds(30).toNanos());
    assertThat(schedule.rateAt(0)).isCloseTo(200 * LoadPlan.RAMP_FROM, within(1e-9));
  }

  @Test
  void rateMustBePositive() {
    assertThatThrownBy(() -> new OpenSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matcherJoinsResponseAndUpdateInEitherOrder() {
    CompletionMatcher matcher = new CompletionMatcher(0);

    matcher.responseReceived("a", 10, 1_000);
    matcher.updateReceived("a", 10, 4_000);
    matcher.updateReceived("b", 20, 5_000);
    matcher.responseReceived("b", 20, 7_000);
    matcher.updateReceived("a", 10, 9_000);

    assertThat(matcher.matched().getTotalCount()).isEqualTo(2);
    assertThat(matcher.matched().getMaxValue()).isBetween(2_990L, 3_010L);
  }
}
