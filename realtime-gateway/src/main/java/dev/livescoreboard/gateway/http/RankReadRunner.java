package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.auth.InvalidTokenException;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.BoardState;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.util.concurrent.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one rank read (user, around, friends) off the event loop in one blocking task: the caller of
 * {@code /me} from their token, the board's current season unless {@code ?season=} names one, then
 * the read; the answer is sent from the event loop. Any failure to reach Redis or the key set is
 * {@code 503 UNAVAILABLE}. The board is one the {@link BoardRegistry} knows (the routes checked);
 * while nothing has scored on it, its current season is the one its definition names.
 */
final class RankReadRunner {

  /** The path segment that stands for the caller; a user whose id is {@code me} uses /me. */
  static final String ME = "me";

  private static final Logger log = LoggerFactory.getLogger(RankReadRunner.class);

  private final BoardFeed feed;
  private final LeaderboardStore store;
  private final BlockingExecutor blocking;
  private final TokenAuthenticator verifier;
  private final BoardRegistry registry;

  RankReadRunner(
      BoardFeed feed,
      LeaderboardStore store,
      BlockingExecutor blocking,
      TokenAuthenticator verifier,
      BoardRegistry registry) {
    this.registry = registry;
    this.feed = feed;
    this.store = store;
    this.blocking = blocking;
    this.verifier = verifier;
  }

  /** A blocking read of one board and season, for {@code userId} ({@code null} if none). */
  interface Read {
    RankAnswer apply(String season, String userId);
  }

  /**
   * Validates {@code ?season=} and runs {@code read}.
   *
   * @param user the user path segment ({@link #ME} for the caller), or {@code null}
   */
  void run(Exchange exchange, String board, String user, Read read) {
    SeasonParam season = SeasonParam.of(exchange);
    if (!season.valid()) {
      season.refuse(exchange);
      return;
    }
    boolean me = ME.equals(user);
    if (me && exchange.bearer() == null) {
      RankAnswer.unauthorized().send(exchange);
      return;
    }
    String wanted = season.season();
    Future<RankAnswer> answer =
        blocking.submit(
            () -> answer(exchange, board, me, user, wanted, read), exchange.ctx().executor());
    exchange.await(
        answer,
        done -> {
          if (done.isSuccess()) {
            done.getNow().send(exchange);
          } else {
            log.warn("Rank read failed: {}", done.cause().toString());
            exchange.fail(ErrorCode.UNAVAILABLE, "ranks are temporarily unavailable");
          }
        });
  }

  /** Blocking. For /me the caller is the token's subject. */
  private RankAnswer answer(
      Exchange exchange, String board, boolean me, String user, String season, Read read) {
    String who = user;
    if (me) {
      try {
        who = verifier.authenticate(exchange.bearer().value()).userId();
      } catch (InvalidTokenException e) {
        return RankAnswer.unauthorized();
      }
    }
    Optional<String> current =
        feed.known(board)
            .filter(state -> !state.isPlaceholder())
            .map(BoardState::top)
            .map(top -> top.season())
            .or(() -> store.currentSeason(board))
            .or(() -> registry.known(board).map(BoardInfo::currentSeason));
    if (current.isEmpty()) {
      return RankAnswer.problem(ErrorCode.BOARD_NOT_FOUND, "no board " + board);
    }
    return read.apply(season != null ? season : current.get(), who);
  }
}
