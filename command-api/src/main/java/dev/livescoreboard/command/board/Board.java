package dev.livescoreboard.command.board;

import dev.livescoreboard.events.BoardIds;
import java.time.Instant;

/**
 * A leaderboard.
 *
 * @param id matches {@link BoardIds#BOARD_PATTERN}
 * @param title shown to people
 * @param scoreCap no score on this board goes above it
 * @param topN how many entries the live top list holds
 * @param resetSchedule when a new season starts
 */
public record Board(String id, String title, long scoreCap, int topN, ResetSchedule resetSchedule) {

  /** The period its schedule puts {@code at} in (the current season may be a reset of it). */
  public String seasonAt(Instant at) {
    return resetSchedule.seasonAt(at);
  }
}
