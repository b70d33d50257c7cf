package dev.livescoreboard.command.season;

import dev.livescoreboard.events.Seasons;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the new season of every board whose schedule has passed a UTC boundary, every {@code
 * scoreboard.seasons.rollover-interval}, whether or not anyone scores; also gives a board without
 * seasons (new, or from before seasons were recorded) its first.
 */
@Component
class SeasonRolloverJob {

  private static final Logger log = LoggerFactory.getLogger(SeasonRolloverJob.class);

  private final SeasonStore store;
  private final SeasonRollover rollover;
  private final Clock clock;

  SeasonRolloverJob(SeasonStore store, SeasonRollover rollover, Clock clock) {
    this.store = store;
    this.rollover = rollover;
    this.clock = clock;
  }

  @Scheduled(
      fixedDelayString = "${scoreboard.seasons.rollover-interval}",
      initialDelayString = "${scoreboard.seasons.rollover-initial-delay}")
  void rollOver() {
    try {
      for (SeasonStore.BoardSeason board : store.boards()) {
        String period = Seasons.current(board.resetSchedule(), clock.instant());
        if (Seasons.scheduledAfter(board.currentSeason(), period).isPresent()) {
          // Locks and checks again: another instance may have started it meanwhile.
          rollover
              .rollover(board.board())
              .ifPresent(
                  started ->
                      log.info(
                          "board {} started season {} after {}",
                          started.board(),
                          started.season(),
                          started.previousSeason()));
        }
      }
    } catch (DataAccessException e) {
      log.warn("season rollover failed, retrying next time: {}", e.toString());
    }
  }
}
