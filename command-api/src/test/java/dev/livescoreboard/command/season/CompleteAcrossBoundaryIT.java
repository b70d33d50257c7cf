package dev.livescoreboard.command.season;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.SeasonStarted;
import dev.livescoreboard.events.Seasons;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A complete that arrives after a boundary before the rollover job ran starts the new season itself
 * (the job is held off here), so its score lands in a season that was announced first.
 */
@TestPropertySource(properties = "scoreboard.seasons.rollover-initial-delay=1h")
class CompleteAcrossBoundaryIT extends SeasonTestBase {

  @Test
  void aCompleteAfterMidnightStartsTheNewDayAndLandsInIt() {
    String board = "sprint-boundary";
    defineBoard(board, Seasons.DAILY);
    String user = newUserId();
    provision(user);
    String today = Seasons.current(Seasons.DAILY, clock.instant());
    assertThat(currentSeason(board)).as("the job is held off").isEmpty();

    Response first = sprint(user, board);
    Instant midnight = nextMidnight();
    clock.jumpTo(midnight.plusMillis(50));
    Response second = sprint(user, board);

    String tomorrow = Seasons.current(Seasons.DAILY, midnight);
    assertThat(first.body().path("season").asString()).isEqualTo(today);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body().path("season").asString()).isEqualTo(tomorrow);
    assertThat(second.body().path("previousScore").asLong()).isZero();
    assertThat(seasons(board)).extracting(SeasonRow::season).containsExactly(today, tomorrow);
    List<SeasonStarted> started = outboxSeasons(board);
    assertThat(started).extracting(SeasonStarted::season).containsExactly(today, tomorrow);
    assertThat(started.get(1).previousSeason()).isEqualTo(today);
    // The season's start is in the outbox before the score that lands in it.
    assertThat(
            count(
                "SELECT count(*) FROM outbox s, outbox c WHERE s.type = ? AND s.aggregateid = ?"
                    + " AND s.payload LIKE ? AND c.aggregateid = ? AND s.id < c.id",
                SeasonStarted.TYPE,
                board,
                "%\"season\":\"" + tomorrow + "\"%",
                board + ":" + user))
        .isOne();
  }
}
