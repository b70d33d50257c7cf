package dev.livescoreboard.gateway.board;

import java.util.regex.Pattern;

/** Validation of board and season ids as they arrive from clients (SPEC §3). */
public final class BoardIds {

  /** The board every deployment has and a connection subscribes to when it names none. */
  public static final String DEFAULT_BOARD = "global";

  /** The season of a board that never resets, reported for boards without data. */
  public static final String ALL_TIME = "all-time";

  private static final Pattern BOARD = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
  // Seasons look like all-time, 2026-11-24, 2026-W48, 2026-11.
  private static final Pattern SEASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,31}");

  private BoardIds() {}

  public static boolean isValidBoard(String board) {
    return board != null && BOARD.matcher(board).matches();
  }

  public static boolean isValidSeason(String season) {
    return season != null && SEASON.matcher(season).matches();
  }
}
