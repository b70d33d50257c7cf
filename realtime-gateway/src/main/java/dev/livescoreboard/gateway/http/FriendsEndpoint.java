package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.rank.FriendEntry;
import dev.livescoreboard.gateway.rank.RankParams;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.rank.RankedPage;
import java.util.List;
import java.util.Optional;

/**
 * {@code GET /api/v1/leaderboards/{board}/users?ids=a,b,c&season=}: those users ranked among
 * themselves, each with their board rank; ids not on the board are left out.
 */
final class FriendsEndpoint {

  private final RankReadRunner runner;
  private final RankReads ranks;

  FriendsEndpoint(RankReadRunner runner, RankReads ranks) {
    this.runner = runner;
    this.ranks = ranks;
  }

  void handle(Exchange exchange, String board) {
    Optional<List<String>> ids = RankParams.ids(exchange.param("ids"));
    if (ids.isEmpty()) {
      exchange.fail(
          ErrorCode.VALIDATION_FAILED,
          "ids must be 1 to " + RankParams.MAX_IDS + " comma-separated user ids");
      return;
    }
    runner.run(
        exchange,
        board,
        null,
        (season, ignored) -> {
          RankedPage page = ranks.among(board, season, ids.get());
          return RankAnswer.ok(
              new FriendsResponse(
                  board, season, FriendEntry.rank(page.entries()), page.totalUsers()));
        });
  }

  /** The response body; field names are the public API. */
  record FriendsResponse(String board, String season, List<FriendEntry> entries, long totalUsers) {}
}
