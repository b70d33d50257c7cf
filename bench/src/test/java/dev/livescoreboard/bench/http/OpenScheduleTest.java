package dev.livescoreboard.bench.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
