package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.rank.UserRank;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;

/** {@code GET /api/v1/leaderboards/{board}/users/{userId|me}?season=}: one user's rank. */
final class UserRankEndpoint {

  private final RankReadRunner runner;
  private final RankReads ranks;
  private final int topN;

  private final BoardRegistry registry;

  /**
   * @param topN top-N size of a board whose definition is not in memory (the projector's default)
   */
  UserRankEndpoint(RankReadRunner runner, RankReads ranks, BoardRegistry registry, int topN) {
    this.registry = registry;
    this.runner = runner;
    this.ranks = ranks;
    this.topN = topN;
  }

  void handle(Exchange exchange, String board, String user) {
    int topN = registry.known(board).map(BoardInfo::topN).orElse(this.topN);
    runner.run(
        exchange,
        board,
        user,
        (season, userId) ->
            ranks
                .standing(board, season, topN, userId)
                .map(standing -> RankAnswer.ok(UserRank.of(standing, topN)))
                .orElseGet(() -> notOnBoard(userId, season)));
  }

  static RankAnswer notOnBoard(String userId, String season) {
    return RankAnswer.problem(
        ErrorCode.USER_NOT_ON_BOARD, "user " + userId + " has no entry in season " + season);
  }
}
