package dev.livescoreboard.command.action;

import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.problem.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the action catalog.
 *
 * @param type the action type, {@code [A-Z][A-Z0-9_]{0,63}}
 * @param points how much a completed action adds, 1..100
 * @param maxPerHour at most this many completes per user and hour, {@code null} for no limit
 * @param maxPerDay at most this many completes per user and day, {@code null} for no limit
 * @param minSeconds minimum seconds between start and complete
 * @param boards the boards the action may score on
 */
public record ActionDefinition(
    String type,
    int points,
    Integer maxPerHour,
    Integer maxPerDay,
    int minSeconds,
    List<String> boards) {

  public static final int MIN_POINTS = 1;
  public static final int MAX_POINTS = 100;
  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public ActionDefinition {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("action type '" + type + "' must match " + TYPE);
    }
    if (points < MIN_POINTS || points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "action " + type + ": points must be " + MIN_POINTS + ".." + MAX_POINTS + ", was " + points);
    }
    if ((maxPerHour != null && maxPerHour < 1) || (maxPerDay != null && maxPerDay < 1)) {
      throw new IllegalArgumentException("action " + type + ": quotas must be at least 1");
    }
    if (minSeconds < 0) {
      throw new IllegalArgumentException("action " + type + ": min-seconds must not be negative");
    }
    boards = boards == null || boards.isEmpty() ? List.of(Board.GLOBAL) : List.copyOf(boards);
    for (String board : boards) {
      if (!Board.isValidId(board)) {
        throw new IllegalArgumentException("action " + type + ": bad board id '" + board + "'");
      }
    }
  }

  public boolean allowsBoard(String board) {
    return boards.contains(board);
  }

  /**
   * Checks that this action scores on {@code board}.
   *
   * @throws ApiException {@code VALIDATION_FAILED} otherwise
   */
  public void requireBoard(String board) {
    if (!allowsBoard(board)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "board: action " + type + " does not score on board " + board);
    }
  }
}
