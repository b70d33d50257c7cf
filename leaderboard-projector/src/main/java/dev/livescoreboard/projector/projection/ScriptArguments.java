package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.LeaderboardKeys;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.ScoreChanged;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Pattern;

/**
 * KEYS and ARGV of one call of {@code lua/apply-score-event.lua}, in the order the script reads
 * them. The ranking encoding is computed here with {@link RankingCodec}, the single source of
 * truth shared with the readers, never re-implemented in Lua.
 */
record ScriptArguments(List<String> keys, List<String> args) {

  /** SPEC §3; also guarantees the id cannot break the {@code {board}} hash tag. */
  private static final Pattern BOARD = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  /** {@code all-time}, {@code 2026-11-24}, {@code 2026-W48}, {@code 2026-11}. */
  private static final Pattern SEASON = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  ScriptArguments {
    keys = List.copyOf(keys);
    args = List.copyOf(args);
  }

  static ScriptArguments of(ScoreChanged event, LeaderboardKeys layout, int topN) {
    String board = event.board();
    String season = event.season();
    if (!BOARD.matcher(board).matches()) {
      throw new InvalidScoreEventException("invalid board id: " + board);
    }
    if (!SEASON.matcher(season).matches()) {
      throw new InvalidScoreEventException("invalid season id: " + season);
    }
    if (event.userId().isBlank()) {
      throw new InvalidScoreEventException("blank userId in event " + event.eventId());
    }
    String member;
    try {
      member = RankingCodec.member(event.reachedAt().toEpochMilli(), event.userId());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new InvalidScoreEventException("unrankable reachedAt: " + event.reachedAt(), e);
    }
    List<String> keys =
        List.of(
            layout.ranking(board, season),
            layout.members(board, season),
            layout.versions(board, season),
            layout.names(board, season),
            layout.seq(board, season),
            layout.top(board, season),
            layout.currentSeason(board));
    List<String> args =
        List.of(
            layout.topChangedChannel(),
            board,
            season,
            event.userId(),
            Long.toString(event.userVersion()),
            redisNumber(RankingCodec.sortScore(event.newScore())),
            member,
            event.displayName() == null ? "" : event.displayName(),
            Integer.toString(topN),
            event.committedAt().toString());
    return new ScriptArguments(keys, args);
  }

  /** Plain decimal without exponent or {@code -0}, which Redis parses exactly. */
  static String redisNumber(double value) {
    return new BigDecimal(value).stripTrailingZeros().toPlainString();
  }
}
