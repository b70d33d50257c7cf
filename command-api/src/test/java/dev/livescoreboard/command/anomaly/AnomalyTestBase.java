package dev.livescoreboard.command.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;

/**
 * The anomaly integration tests: the real application with the catalog {@code
 * anomaly-test-actions.yml}, small thresholds, a clock the test moves (so a scripted player can
 * play 20 minutes in a second) and the job never firing on its own ({@link AnomalyScan#run()} is
 * called instead).
 */
@Import(AnomalyTestBase.Clocks.class)
@TestPropertySource(
    properties = {
      "scoreboard.actions.file=classpath:anomaly-test-actions.yml",
      "scoreboard.anomaly.interval=1h",
      "scoreboard.anomaly.lookback=1h",
      "scoreboard.anomaly.pinned-rate.window=5m",
      "scoreboard.anomaly.pinned-rate.fraction=0.9",
      "scoreboard.anomaly.pinned-rate.consecutive-windows=3",
      "scoreboard.anomaly.minimum-duration.tolerance=1s",
      "scoreboard.anomaly.minimum-duration.fraction=0.8",
      "scoreboard.anomaly.minimum-duration.min-completes=10",
      "scoreboard.anomaly.points-rate.multiple-of-median=5",
      "scoreboard.anomaly.points-rate.min-population=5"
    })
abstract class AnomalyTestBase extends CommandApiTestBase {

  static final String ACTION = "SPRINT";
  static final int POINTS = 10;
  static final int MIN_SECONDS = 3;
  static final Duration WINDOW = Duration.ofMinutes(5);

  /** SPRINT's 60 per hour, scaled to a 5-minute window. */
  static final int PER_WINDOW = 5;

  static final int BOT_WINDOWS = 4;

  @TestConfiguration
  static class Clocks {
    @Bean
    TestClock testClock() {
      return new TestClock();
    }

    @Bean
    @Primary
    Clock primaryClock(TestClock testClock) {
      return testClock;
    }
  }

  @Autowired TestClock clock;
  @Autowired AnomalyScan scan;

  /** The players of one scenario: a script and people. */
  record Players(String bot, String normal, List<String> others) {}

  /**
   * From the start of a window: a bot completes at exactly the minimum duration, at its hourly
   * limit, for {@value #BOT_WINDOWS} windows; one person plays 4 times and four others twice, with
   * durations from 5 to 47 seconds. Leaves the clock just after the last window.
   */
  Players playScenario() {
    Players players =
        new Players(
            newUserId(), newUserId(), List.of(newUserId(), newUserId(), newUserId(), newUserId()));
    provision(players.bot(), players.normal());
    players.others().forEach(this::provision);
    // A window boundary in the future: every event of the scenario lies after any earlier test's.
    Instant start = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
    clock.set(start);
    String bot = tokenFor(players.bot());
    for (int window = 0; window < BOT_WINDOWS; window++) {
      for (int i = 0; i < PER_WINDOW; i++) {
        clock.set(start.plus(WINDOW.multipliedBy(window)).plusSeconds(50L * i));
        String token = startAction(bot, ACTION);
        clock.advance(Duration.ofSeconds(MIN_SECONDS));
        assertThat(complete(bot, token).status()).isEqualTo(200);
      }
    }
    // People: durations vary, a few minutes apart, never more than two in a window.
    List<Play> plays = new ArrayList<>();
    int[] durations = {7, 19, 41, 12};
    for (int i = 0; i < durations.length; i++) {
      plays.add(new Play(players.normal(), 90 + 330L * i, durations[i]));
    }
    for (int p = 0; p < players.others().size(); p++) {
      plays.add(new Play(players.others().get(p), 30 + 17L * p, 5 + 9 * p));
      plays.add(new Play(players.others().get(p), 700 + 23L * p, 47 - 6 * p));
    }
    for (Play play : plays) {
      clock.set(start.plusSeconds(play.startSecond()));
      String bearer = tokenFor(play.userId());
      String token = startAction(bearer, ACTION);
      clock.advance(Duration.ofSeconds(play.seconds()));
      assertThat(complete(bearer, token).status()).isEqualTo(200);
    }
    clock.set(start.plus(WINDOW.multipliedBy(BOT_WINDOWS)).plusSeconds(1));
    return players;
  }

  private record Play(String userId, long startSecond, int seconds) {}

  long status(String userId, String status) {
    return count("SELECT count(*) FROM users WHERE id = ? AND status = ?", userId, status);
  }
}
