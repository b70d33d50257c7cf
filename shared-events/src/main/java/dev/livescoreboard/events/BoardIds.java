package dev.livescoreboard.events;

import java.util.regex.Pattern;

/**
 * Which board and season ids exist (SPEC §3), for every module: an id that passes is safe as part
 * of a Redis key (it cannot break the {@code {board}} hash tag or the {@code :} separators), of a
 * URL and of a SQL parameter. The live page ({@code static/app.js} of the realtime-gateway) repeats
 * {@link #BOARD_PATTERN} and {@link #DEFAULT_BOARD}; a gateway test pins its copy to these.
 */
public final class BoardIds {

  /** A board id, as a regular expression (also for bean validation and error messages). */
  public static final String BOARD_PATTERN = "[a-z0-9][a-z0-9_-]{0,63}";

  /** The board every deployment has, and the one a client gets when it names none. */
  public static final String DEFAULT_BOARD = "global";

  private static final Pattern BOARD = Pattern.compile(BOARD_PATTERN);

  private BoardIds() {}

  public static boolean isValidBoard(String board) {
    return board != null && BOARD.matcher(board).matches();
  }

  /** Whether {@code season} is a season id; see {@link Seasons} for the shapes. */
  public static boolean isValidSeason(String season) {
    return Seasons.isValid(season);
  }
}
