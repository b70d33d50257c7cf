package dev.livescoreboard.projector.script;

import java.util.regex.Pattern;

/** Which board and season ids may become part of Redis keys. */
public final class BoardIds {

  /** SPEC §3; also guarantees the id cannot break the {@code {board}} hash tag. */
  private static final Pattern BOARD = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** {@code all-time}, {@code 2026-11-24}, {@code 2026-W48}, {@code 2026-11}. */
  private static final Pattern SEASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  private BoardIds() {}

  public static boolean isValidBoard(String board) {
    return board != null && BOARD.matcher(board).matches();
  }

  public static boolean isValidSeason(String season) {
    return season != null && SEASON.matcher(season).matches();
  }
}
