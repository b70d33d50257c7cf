package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.rank.RankParams;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.util.concurrent.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits {@code /api/v1/leaderboards/{board}[/seasons | /users[/{id}] | /around/{id}]} into its
 * parts, checks the board id and the user id, asks the {@link BoardRegistry} whether the board
 * exists ({@code 404 BOARD_NOT_FOUND} if not, {@code 503} if that cannot be told), and hands the
 * request to its endpoint. Event loop only.
 */
final class LeaderboardRoutes {

  static final String PREFIX = "/api/v1/leaderboards/";

  private static final Logger log = LoggerFactory.getLogger(LeaderboardRoutes.class);

  private final LeaderboardEndpoint board;
  private final UserRankEndpoint user;
  private final AroundEndpoint around;
  private final FriendsEndpoint friends;
  private final SeasonsEndpoint seasons;
  private final BoardRegistry registry;

  LeaderboardRoutes(
      BoardRegistry registry,
      LeaderboardEndpoint board,
      UserRankEndpoint user,
      AroundEndpoint around,
      FriendsEndpoint friends,
      SeasonsEndpoint seasons) {
    this.board = board;
    this.seasons = seasons;
    this.user = user;
    this.around = around;
    this.friends = friends;
    this.registry = registry;
  }

  void handle(Exchange exchange) {
    String[] parts = exchange.path().substring(PREFIX.length()).split("/", -1);
    if (parts.length > 3 || (parts.length > 1 && !isResource(parts))) {
      exchange.fail(ErrorCode.NOT_FOUND, "no such resource");
      return;
    }
    String id = parts[0];
    if (!BoardIds.isValidBoard(id)) {
      exchange.fail(ErrorCode.VALIDATION_FAILED, "board must match " + BoardIds.BOARD_PATTERN);
      return;
    }
    if (parts.length == 3 && !RankParams.isValidUserId(parts[2])) {
      exchange.fail(
          ErrorCode.VALIDATION_FAILED,
          "user id must be 1 to " + RankParams.MAX_USER_ID_LENGTH + " visible characters");
      return;
    }
    Future<Optional<BoardInfo>> known = registry.find(id, exchange.ctx().executor());
    exchange.await(
        known,
        done -> {
          if (!done.isSuccess()) {
            log.warn("Board lookup failed: {}", done.cause().toString());
            exchange.fail(ErrorCode.UNAVAILABLE, "boards are temporarily unavailable");
          } else if (done.getNow().isEmpty()) {
            exchange.fail(ErrorCode.BOARD_NOT_FOUND, "no board " + id);
          } else {
            dispatch(exchange, done.getNow().get(), parts);
          }
        });
  }

  private void dispatch(Exchange exchange, BoardInfo info, String[] parts) {
    String id = info.board();
    if (parts.length == 1) {
      board.handle(exchange, id);
    } else if (parts[1].equals("seasons")) {
      seasons.handle(exchange, info);
    } else if (parts.length == 2) {
      friends.handle(exchange, id);
    } else if (parts[1].equals("users")) {
      user.handle(exchange, id, parts[2]);
    } else {
      around.handle(exchange, id, parts[2]);
    }
  }

  /** {@code seasons}, {@code users}, {@code users/{id}} or {@code around/{id}}, non-empty id. */
  private static boolean isResource(String[] parts) {
    return parts.length == 2
        ? parts[1].equals("users") || parts[1].equals("seasons")
        : (parts[1].equals("users") || parts[1].equals("around")) && !parts[2].isEmpty();
  }
}
