package dev.livescoreboard.command.board;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A leaderboard.
 *
 * @param id {@code [a-z0-9][a-z0-9_-]{0,63}}
 * @param title shown to people
 * @param scoreCap no score on this board goes above it
 * @param topN how many entries the live top list holds
 * @param resetSchedule when a new season starts
 */
public record Board(String id, String title, long scoreCap, int topN, ResetSchedule resetSchedule) {

  /** The board every deployment has. */
  public static final String GLOBAL = "global";

  /** The id rule as a regular expression (for bean validation). */
  public static final String ID_REGEX = "[a-z0-9][a-z0-9_-]{0,63}";

  private static final Pattern ID = Pattern.compile(ID_REGEX);

  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** The season this board is in at {@code at}. */
  public String seasonAt(Instant at) {
    return Seasons.of(resetSchedule, at);
  }
}
