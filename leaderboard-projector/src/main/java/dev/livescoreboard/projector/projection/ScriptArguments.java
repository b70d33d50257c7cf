package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.ScoreChanged;
import dev.livescoreboard.events.Seasons;
import dev.livescoreboard.projector.script.ScriptKeys;
import java.math.BigDecimal;
import java.util.List;

/**
 * KEYS and ARGV of one call of {@code lua/apply-score-event.lua}, in the order the script reads
 * them. The ranking encoding is computed here with {@link RankingCodec}, the single source of truth
 * shared with the readers, and the season order with {@link Seasons#order}; neither is
 * re-implemented in Lua.
 */
record ScriptArguments(List<String> keys, List<String> args) {

  ScriptArguments {
    keys = List.copyOf(keys);
    args = List.copyOf(args);
  }

  /**
   * @param traceId the trace id of the request that caused {@code event}, carried into the top-N
   *     state it causes, or {@code null}
   */
  static ScriptArguments of(ScoreChanged event, String traceId, ScriptKeys scriptKeys, int topN) {
    String board = event.board();
    String season = event.season();
    if (!BoardIds.isValidBoard(board)) {
      throw new InvalidScoreEventException("invalid board id: " + board);
    }
    if (!BoardIds.isValidSeason(season)) {
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
    List<String> args =
        List.of(
            scriptKeys.layout().topChangedChannel(),
            board,
            season,
            event.userId(),
            Long.toString(event.userVersion()),
            redisNumber(RankingCodec.sortScore(event.newScore())),
            member,
            event.displayName() == null ? "" : event.displayName(),
            Integer.toString(topN),
            event.committedAt().toString(),
            Long.toString(Seasons.order(season)),
            scriptKeys.layout().rankChangedChannel(),
            traceId == null ? "" : traceId);
    return new ScriptArguments(scriptKeys.apply(board, season), args);
  }

  /** Plain decimal without exponent or {@code -0}, which Redis parses exactly. */
  static String redisNumber(double value) {
    return new BigDecimal(value).stripTrailingZeros().toPlainString();
  }
}
