package dev.livescoreboard.command.season;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seasons roll over at the UTC boundary of their schedule without anyone scoring, and an admin can
 * force a new one at any time; the clock is moved to the boundary, nobody waits for midnight.
 */
class SeasonRolloverIT extends SeasonTestBase {

  @Test
  void aDailyBoardStartsTheNextDaysSeasonAtMidnightWithoutAnyScore() {
    assertRollsOverAt("sprint-daily", Seasons.DAILY, nextMidnight());
  }

  @Test
  void aWeeklyBoardStartsTheNextIsoWeekOnMondayWithoutAnyScore() {
    Instant monday =
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
            .with(TemporalAdjusters.next(DayOfWeek.MONDAY))
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    assertRollsOverAt("sprint-weekly", Seasons.WEEKLY, monday);
  }

  @Test
  void aMonthlyBoardStartsTheNextMonthOnItsFirstWithoutAnyScore() {
    Instant first =
        LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
            .with(TemporalAdjusters.firstDayOfNextMonth())
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
    assertRollsOverAt("sprint-monthly", Seasons.MONTHLY, first);
  }

  private void assertRollsOverAt(String board, String schedule, Instant boundary) {
    defineBoard(board, schedule);
    String before = Seasons.current(schedule, clock.instant());
    await().atMost(Duration.ofSeconds(10)).until(() -> currentSeason(board).isPresent());
    assertThat(currentSeason(board)).contains(before);

    clock.jumpTo(boundary.plusMillis(50));

    String after = Seasons.current(schedule, boundary);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> currentSeason(board).equals(java.util.Optional.of(after)));
    List<SeasonRow> rows = seasons(board);
    assertThat(rows).extracting(SeasonRow::season).containsExactly(before, after);
    assertThat(rows.get(0).endedAt()).isEqualTo(rows.get(1).startedAt());
    assertThat(rows.get(1).startedAt()).isAfterOrEqualTo(boundary);
    assertThat(rows.get(1).endedAt()).isNull();

    List<SeasonStarted> outbox = outboxSeasons(board);
    assertThat(outbox).extracting(SeasonStarted::season).containsExactly(before, after);
    SeasonStarted started = outbox.get(1);
    assertThat(started.previousSeason()).isEqualTo(before);
    assertThat(started.reason()).isEqualTo(SeasonStarted.SCHEDULE);
    assertThat(started.startedAt()).isEqualTo(rows.get(1).startedAt());
    assertThat(kafkaSeasons(board, 2)).containsExactlyElementsOf(outbox);
  }

  @Test
  void aForcedResetStartsR2ThenR3AndTheEndedSeasonsKeepTheirScores() {
    String board = "sprint-reset";
    defineBoard(board, Seasons.DAILY);
    await().atMost(Duration.ofSeconds(10)).until(() -> currentSeason(board).isPresent());
    String day = currentSeason(board).orElseThrow();
    String user = newUserId();
    provision(user);
    assertThat(sprint(user, board).body().path("season").asString()).isEqualTo(day);

    Response first =
        post(
            "/api/v1/admin/boards/" + board + "/reset",
            longAdminToken(),
            Map.of("reason", "cheaters spoiled the day"));
    Response scored = sprint(user, board);
    Response second = post("/api/v1/admin/boards/" + board + "/reset", longAdminToken(), "");

    assertThat(first.status()).isEqualTo(201);
    assertThat(first.body().path("season").asString()).isEqualTo(day + "-r2");
    assertThat(first.body().path("previousSeason").asString()).isEqualTo(day);
    assertThat(first.body().path("reason").asString()).isEqualTo(SeasonStarted.FORCED_RESET);
    assertThat(scored.body().path("season").asString()).isEqualTo(day + "-r2");
    assertThat(scored.body().path("newScore").asLong()).isEqualTo(10);
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.body().path("season").asString()).isEqualTo(day + "-r3");
    assertThat(currentSeason(board)).contains(day + "-r3");
    assertThat(seasons(board))
        .extracting(SeasonRow::season)
        .containsExactly(day, day + "-r2", day + "-r3");
    assertThat(
            count(
                "SELECT count(*) FROM user_scores WHERE board_id = ? AND user_id = ?"
                    + " AND score = 10 AND season IN (?, ?)",
                board,
                user,
                day,
                day + "-r2"))
        .isEqualTo(2);
    assertThat(outboxSeasons(board))
        .extracting(SeasonStarted::season)
        .containsExactly(day, day + "-r2", day + "-r3");
    assertThat(
            count(
                "SELECT count(*) FROM admin_audit WHERE action = 'BOARD_RESET' AND target = ?"
                    + " AND actor = 'season-admin' AND reason = 'cheaters spoiled the day'",
                "board:" + board))
        .isOne();
    assertThat(
            count(
                "SELECT count(*) FROM admin_audit WHERE action = 'BOARD_RESET' AND target = ?",
                "board:" + board))
        .isEqualTo(2);
  }

  @Test
  void aBoardThatNeverResetsGetsAllTimeR2() {
    String board = "sprint-never";
    defineBoard(board, Seasons.NEVER);
    await().atMost(Duration.ofSeconds(10)).until(() -> currentSeason(board).isPresent());

    Response reset = post("/api/v1/admin/boards/" + board + "/reset", longAdminToken(), "{}");

    assertThat(reset.status()).isEqualTo(201);
    assertThat(reset.body().path("season").asString()).isEqualTo("all-time-r2");
    assertThat(reset.body().path("previousSeason").asString()).isEqualTo(Seasons.ALL_TIME);
  }

  @Test
  void resetRefusesUnknownBoardsNonAdminsAndBadReasonsAndChangesNothing() {
    String player = newUserId();
    long auditRows = count("SELECT count(*) FROM admin_audit");

    Response unknown = post("/api/v1/admin/boards/no-such-board/reset", longAdminToken(), "{}");
    Response malformed = post("/api/v1/admin/boards/Not_Valid!/reset", longAdminToken(), "{}");
    Response notAdmin = post("/api/v1/admin/boards/global/reset", longTokenFor(player), "{}");
    Response badReason =
        post("/api/v1/admin/boards/global/reset", longAdminToken(), Map.of("reason", ""));
    Response unknownField =
        post("/api/v1/admin/boards/global/reset", longAdminToken(), Map.of("why", "x"));

    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.code()).isEqualTo("BOARD_NOT_FOUND");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(notAdmin.status()).isEqualTo(403);
    assertThat(notAdmin.code()).isEqualTo("FORBIDDEN");
    assertThat(badReason.status()).isEqualTo(400);
    assertThat(badReason.code()).isEqualTo("VALIDATION_FAILED");
    assertThat(unknownField.status()).isEqualTo(400);
    assertThat(currentSeason("global")).contains(Seasons.ALL_TIME);
    assertThat(count("SELECT count(*) FROM admin_audit")).isEqualTo(auditRows);
  }
}
