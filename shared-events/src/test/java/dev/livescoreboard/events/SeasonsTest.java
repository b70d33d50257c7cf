package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeasonsTest {

  @Test
  void seasonsOrderByStartNotByString() {
    List<String> oldestFirst =
        List.of(
            "all-time",
            "all-time-r2",
            "2025-12",
            "2025-W52",
            "2026-W01",
            "2026-11",
            "2026-W48",
            "2026-11-24",
            "2026-12-03",
            "2026-12-03-r2",
            "2026-12-03-r10",
            "2026-12-04");
    List<String> shuffled = new ArrayList<>(oldestFirst);
    Collections.reverse(shuffled);

    shuffled.sort(Seasons.BY_START);

    assertThat(shuffled).containsExactlyElementsOf(oldestFirst);
  }

  @Test
  void allTimeStartsBeforeEveryDatedSeason() {
    // As strings, "all-time" sorts after every id that starts with a digit.
    assertThat("all-time").isGreaterThan("2026-11-24");
    assertThat(Seasons.order("all-time")).isLessThan(Seasons.order("0000-01-01"));
    assertThat(Seasons.order("all-time-r999999")).isLessThan(Seasons.order("0000-01"));
  }

  @Test
  void aForcedResetStartsAfterItsPeriodAndBeforeTheNext() {
    assertThat(Seasons.order("2026-12-03-r2")).isGreaterThan(Seasons.order("2026-12-03"));
    assertThat(Seasons.order("2026-12-03-r10")).isGreaterThan(Seasons.order("2026-12-03-r9"));
    assertThat(Seasons.order("2026-12-03-r999999")).isLessThan(Seasons.order("2026-12-04"));
    assertThat(Seasons.order("2026-W48-r3")).isLessThan(Seasons.order("2026-W49"));
    assertThat(Seasons.order("2026-11-r2")).isLessThan(Seasons.order("2026-12"));
  }

  @Test
  void aWeekStartsOnItsMondayInTheWeekBasedYear() {
    // 2026-W48 starts on Monday 2026-11-23; 2025-W01 on Monday 2024-12-30.
    assertThat(Seasons.order("2026-W48")).isGreaterThan(Seasons.order("2026-11-22"));
    assertThat(Seasons.order("2026-W48")).isLessThan(Seasons.order("2026-11-24"));
    assertThat(Seasons.order("2025-W01")).isGreaterThan(Seasons.order("2024-12-29"));
    assertThat(Seasons.order("2025-W01")).isLessThan(Seasons.order("2024-12-31"));
  }

  @Test
  void theGeneratedIdOfEveryDaySortsNoEarlierThanTheDayBefore() {
    LocalDate day = LocalDate.of(2024, 12, 1);
    for (int i = 0; i < 800; i++, day = day.plusDays(1)) {
      LocalDate next = day.plusDays(1);
      assertThat(Seasons.order(Seasons.day(next))).isGreaterThan(Seasons.order(Seasons.day(day)));
      assertThat(Seasons.order(Seasons.week(next)))
          .isGreaterThanOrEqualTo(Seasons.order(Seasons.week(day)));
      assertThat(Seasons.order(Seasons.month(next)))
          .isGreaterThanOrEqualTo(Seasons.order(Seasons.month(day)));
    }
  }

  @Test
  void generatedIdsHaveTheDocumentedShapes() {
    LocalDate day = LocalDate.of(2026, 11, 24);
    assertThat(Seasons.day(day)).isEqualTo("2026-11-24");
    assertThat(Seasons.week(day)).isEqualTo("2026-W48");
    assertThat(Seasons.month(day)).isEqualTo("2026-11");
    // 2027-01-01 is a Friday of ISO week 53 of 2026.
    assertThat(Seasons.week(LocalDate.of(2027, 1, 1))).isEqualTo("2026-W53");
  }

  @Test
  void distinctSeasonsHaveDistinctOrdersThatALuaNumberHoldsExactly() {
    assertThat(Seasons.order("2026-11")).isNotEqualTo(Seasons.order("2026-11-01"));
    assertThat(Seasons.order("2026-W45")).isNotEqualTo(Seasons.order("2026-11-02"));
    assertThat(Seasons.order("9999-12-31-r999999")).isLessThan(1L << 53);
    assertThat(Seasons.order("all-time")).isGreaterThan(0);
  }

  @Test
  void onlyTheListedShapesOnRealDatesAreSeasons() {
    assertThat(Seasons.isValid("2026-02-28")).isTrue();
    assertThat(Seasons.isValid("2026-W53")).isTrue();
    assertThat(Seasons.isValid("2024-02-29")).isTrue();
    for (String bad :
        new String[] {
          null,
          "",
          "All-time",
          "2026-02-30",
          "2026-13",
          "2026-W00",
          "2025-W53",
          "2026-11-24-r1",
          "2026-11-24-r01",
          "2026-11-24-r1000000",
          "2026:11",
          "2026-11-24 ",
          "season"
        }) {
      assertThat(Seasons.isValid(bad)).as(bad).isFalse();
      assertThat(BoardIds.isValidSeason(bad)).as(bad).isFalse();
    }
    assertThatThrownBy(() -> Seasons.order("2026-13")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void thePeriodOfASeasonIsItsIdWithoutTheResetSuffix() {
    assertThat(Seasons.periodOf("2026-12-03-r2")).isEqualTo("2026-12-03");
    assertThat(Seasons.periodOf("2026-12-03")).isEqualTo("2026-12-03");
    assertThat(Seasons.periodOf("2026-W48-r12")).isEqualTo("2026-W48");
    assertThat(Seasons.periodOf("2026-11-r3")).isEqualTo("2026-11");
    assertThat(Seasons.periodOf("all-time-r2")).isEqualTo("all-time");
    assertThatThrownBy(() -> Seasons.periodOf("2026-13"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theScheduleStartsItsPeriodOnlyWhenItStartsAfterTheCurrentSeason() {
    assertThat(Seasons.scheduledAfter(null, "2026-12-03")).contains("2026-12-03");
    assertThat(Seasons.scheduledAfter("2026-12-03", "2026-12-04")).contains("2026-12-04");
    assertThat(Seasons.scheduledAfter("2026-12-03-r5", "2026-12-04")).contains("2026-12-04");
    assertThat(Seasons.scheduledAfter("2026-W48", "2026-W49")).contains("2026-W49");
    assertThat(Seasons.scheduledAfter("2026-11", "2026-12")).contains("2026-12");
    assertThat(Seasons.scheduledAfter("all-time", "2026-12-03")).contains("2026-12-03");
    // Same period, or a reset of it: nothing to start.
    assertThat(Seasons.scheduledAfter("2026-12-03", "2026-12-03")).isEmpty();
    assertThat(Seasons.scheduledAfter("2026-12-03-r2", "2026-12-03")).isEmpty();
    assertThat(Seasons.scheduledAfter("all-time-r2", "all-time")).isEmpty();
    // A daily board switched to monthly mid-month waits for the next month.
    assertThat(Seasons.scheduledAfter("2026-12-03", "2026-12")).isEmpty();
  }

  @Test
  void aForcedResetNumbersTheNextSeasonOfThePeriod() {
    assertThat(Seasons.afterReset("2026-12-03", "2026-12-03")).isEqualTo("2026-12-03-r2");
    assertThat(Seasons.afterReset("2026-12-03-r2", "2026-12-03")).isEqualTo("2026-12-03-r3");
    assertThat(Seasons.afterReset("2026-12-03-r9", "2026-12-03")).isEqualTo("2026-12-03-r10");
    assertThat(Seasons.afterReset("all-time", "all-time")).isEqualTo("all-time-r2");
    assertThat(Seasons.afterReset("2026-W49", "2026-W49")).isEqualTo("2026-W49-r2");
    // The boundary passed before the rollover ran: the reset starts the new period.
    assertThat(Seasons.afterReset("2026-12-03-r2", "2026-12-04")).isEqualTo("2026-12-04");
    // The schedule's period started before the current season: the current one is reset.
    assertThat(Seasons.afterReset("2026-12-03", "2026-12")).isEqualTo("2026-12-03-r2");
    for (String current : new String[] {"2026-12-03", "2026-12-03-r7", "all-time"}) {
      assertThat(Seasons.order(Seasons.afterReset(current, Seasons.periodOf(current))))
          .isGreaterThan(Seasons.order(current));
    }
  }
}
