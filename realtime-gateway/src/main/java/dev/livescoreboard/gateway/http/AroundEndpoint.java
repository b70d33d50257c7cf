package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.gateway.rank.RankParams;
import dev.livescoreboard.gateway.rank.RankReads;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code GET /api/v1/leaderboards/{board}/around/{userId|me}?radius=&season=}: the entries from
 * {@code radius} ranks above the user to {@code radius} below, clipped at both ends of the board.
 */
final class AroundEndpoint {

  private final RankReadRunner runner;
  private final RankReads ranks;

  AroundEndpoint(RankReadRunner runner, RankReads ranks) {
    this.runner = runner;
    this.ranks = ranks;
  }

  void handle(Exchange exchange, String board, String user) {
    OptionalInt radius = RankParams.radius(exchange.param("radius"));
    if (radius.isEmpty()) {
      exchange.fail(
          ErrorCode.VALIDATION_FAILED,
          "radius must be an integer from 0 to " + RankParams.MAX_RADIUS);
      return;
    }
    runner.run(
        exchange,
        board,
        user,
        (season, userId) ->
            ranks
                .around(board, season, userId, radius.getAsInt())
                .map(
                    page ->
                        RankAnswer.ok(
                            new AroundResponse(
                                board, season, userId, page.entries(), page.totalUsers())))
                .orElseGet(() -> UserRankEndpoint.notOnBoard(userId, season)));
  }

  /** The response body; field names are the public API. */
  record AroundResponse(
      String board,
      String season,
      String userId,
      List<LeaderboardEntry> entries,
      long totalUsers) {}
}
