package dev.livescoreboard.command.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ResetScheduleTest {

  private static String season(ResetSchedule schedule, String instant) {
    return schedule.seasonAt(Instant.parse(instant));
  }

  @Test
  void neverResettingBoardsHaveOneSeason() {
    assertThat(season(ResetSchedule.NEVER, "2026-11-24T10:00:00Z")).isEqualTo("all-time");
  }

  @Test
  void dailySeasonIsTheUtcDate() {
    assertThat(season(ResetSchedule.DAILY, "2026-11-24T23:59:59.999Z")).isEqualTo("2026-11-24");
    assertThat(season(ResetSchedule.DAILY, "2026-11-25T00:00:00Z")).isEqualTo("2026-11-25");
  }

  @Test
  void weeklySeasonIsTheIsoWeek() {
    assertThat(season(ResetSchedule.WEEKLY, "2026-11-24T10:00:00Z")).isEqualTo("2026-W48");
    // Monday starts the week.
    assertThat(season(ResetSchedule.WEEKLY, "2026-11-29T23:59:59Z")).isEqualTo("2026-W48");
    assertThat(season(ResetSchedule.WEEKLY, "2026-11-30T00:00:00Z")).isEqualTo("2026-W49");
  }

  @Test
  void weeklySeasonUsesTheWeekBasedYear() {
    // 2027-01-01 is a Friday: it belongs to ISO week 53 of 2026.
    assertThat(season(ResetSchedule.WEEKLY, "2027-01-01T12:00:00Z")).isEqualTo("2026-W53");
    // 2024-12-30 is a Monday: week 1 of 2025.
    assertThat(season(ResetSchedule.WEEKLY, "2024-12-30T00:00:00Z")).isEqualTo("2025-W01");
  }

  @Test
  void monthlySeasonIsYearAndMonth() {
    assertThat(season(ResetSchedule.MONTHLY, "2026-11-30T23:59:59Z")).isEqualTo("2026-11");
    assertThat(season(ResetSchedule.MONTHLY, "2026-12-01T00:00:00Z")).isEqualTo("2026-12");
  }
}
