package dev.livescoreboard.command.action;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One entry of the action catalog (one item of {@code actions:} in the catalog file).
 *
 * @param type the action type, {@code [A-Z][A-Z0-9_]{0,63}}
 * @param points how much a completed action adds, 1..100
 * @param maxPerHour at most this many completes per user in any rolling hour, {@code null} for no
 *     limit
 * @param maxPerDay at most this many completes per user and calendar day (UTC), {@code null} for no
 *     limit
 * @param oncePerDay at most one complete per user and calendar day (UTC); same as {@code maxPerDay:
 *     1}
 * @param minSeconds minimum seconds between start (the action token's {@code iat}) and complete
 * @param boards the boards the action may score on, {@code [global]} when absent
 */
public record ActionDefinition(
    String type,
    int points,
    Integer maxPerHour,
    Integer maxPerDay,
    boolean oncePerDay,
    int minSeconds,
    List<String> boards) {

  public static final int MIN_POINTS = 1;
  public static final int MAX_POINTS = 100;
  // A token lives at most 5 minutes, so a longer minimum could never be met.
  static final int MAX_MIN_SECONDS = 300;
  private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  public ActionDefinition {
    if (type == null || !TYPE.matcher(type).matches()) {
      throw new IllegalArgumentException("action type '" + type + "' must match " + TYPE);
    }
    if (points < MIN_POINTS || points > MAX_POINTS) {
      throw new IllegalArgumentException(
          "action "
              + type
              + ": points must be "
              + MIN_POINTS
              + ".."
              + MAX_POINTS
              + ", was "
              + points);
    }
    if ((maxPerHour != null && maxPerHour < 1) || (maxPerDay != null && maxPerDay < 1)) {
      throw new IllegalArgumentException("action " + type + ": quotas must be at least 1");
    }
    if (minSeconds < 0 || minSeconds > MAX_MIN_SECONDS) {
      throw new IllegalArgumentException(
          "action " + type + ": min-seconds must be 0.." + MAX_MIN_SECONDS + ", was " + minSeconds);
    }
    boards =
        boards == null || boards.isEmpty() ? List.of(BoardIds.DEFAULT_BOARD) : List.copyOf(boards);
    for (String board : boards) {
      if (!BoardIds.isValidBoard(board)) {
        throw new IllegalArgumentException("action " + type + ": bad board id '" + board + "'");
      }
    }
  }

  /** The per-day limit that applies: {@code maxPerDay}, or 1 with {@code oncePerDay}. */
  public Integer dailyLimit() {
    if (oncePerDay) {
      return 1;
    }
    return maxPerDay;
  }

  /** Whether completing this action needs counting the user's earlier completes. */
  public boolean hasQuota() {
    return maxPerHour != null || dailyLimit() != null;
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
          ErrorCode.VALIDATION_FAILED,
          "board: action " + type + " does not score on board " + board);
    }
  }
}
