package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.BoardState;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import dev.livescoreboard.gateway.rank.RankParams;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.rank.RankedPage;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.Future;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/leaderboards/{board}?limit=&offset=&season=}: the first page (up to the top N)
 * of the current season straight from memory as pre-serialized bytes ({@link TopResponseCache}), so
 * a request costs no serialization; other seasons, later pages and pages deeper than the top N from
 * the ranking on the blocking pool. Both carry {@code totalUsers}: from memory, the board size of
 * the projector's state (how fresh it is: the package documentation).
 */
final class LeaderboardEndpoint {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;

  private static final Logger log = LoggerFactory.getLogger(LeaderboardEndpoint.class);

  private final BoardFeed feed;
  private final LeaderboardStore store;
  private final RankReads ranks;
  private final BlockingExecutor blocking;
  private final BoardRegistry registry;
  private final int topN;
  private final TopResponseCache cache;

  /**
   * @param topN top-N size of a board whose definition is not in memory (the projector's default)
   */
  LeaderboardEndpoint(
      BoardFeed feed,
      LeaderboardStore store,
      RankReads ranks,
      BlockingExecutor blocking,
      BoardRegistry registry,
      int topN,
      TopResponseCache cache) {
    this.registry = registry;
    this.feed = feed;
    this.store = store;
    this.ranks = ranks;
    this.blocking = blocking;
    this.topN = topN;
    this.cache = cache;
  }

  /** Call with a valid board id. */
  void handle(Exchange exchange, String board) {
    Integer limit = limit(exchange.param("limit"));
    if (limit == null) {
      exchange.fail(ErrorCode.VALIDATION_FAILED, "limit must be an integer from 1 to " + MAX_LIMIT);
      return;
    }
    OptionalInt offset = RankParams.offset(exchange.param("offset"));
    if (offset.isEmpty()) {
      exchange.fail(
          ErrorCode.VALIDATION_FAILED,
          "offset must be an integer from 0 to " + RankParams.MAX_OFFSET);
      return;
    }
    SeasonParam season = SeasonParam.of(exchange);
    if (!season.valid()) {
      season.refuse(exchange);
      return;
    }
    String wanted = season.season();
    int from = offset.getAsInt();
    // The board's own size: the projector keeps that many entries in its top-N state.
    BoardInfo info = registry.known(board).orElse(null);
    int inMemory = info != null ? info.topN() : topN;
    exchange.await(
        feed.current(board, exchange.ctx().executor()),
        current -> {
          if (!current.isSuccess()) {
            unavailable(exchange, current.cause());
          } else if (from == 0
              && limit <= inMemory
              && !defaultsToDefinedSeason(current.getNow(), info, wanted)
              && (wanted == null || wanted.equals(current.getNow().top().season()))) {
            respond(exchange, cache.get(current.getNow(), limit));
          } else {
            String effective =
                wanted != null
                    ? wanted
                    : defaultsToDefinedSeason(current.getNow(), info, null)
                        ? info.currentSeason()
                        : current.getNow().top().season();
            fromStore(exchange, board, effective, from, limit);
          }
        });
  }

  /**
   * Whether nothing has scored on the board yet and its definition names a season other than the
   * placeholder's: the answer is then that season, empty, read like any other season.
   */
  private static boolean defaultsToDefinedSeason(BoardState state, BoardInfo info, String wanted) {
    return wanted == null
        && state.isPlaceholder()
        && info != null
        && !info.currentSeason().equals(state.top().season());
  }

  private void fromStore(Exchange exchange, String board, String season, int offset, int limit) {
    Future<LeaderboardPage> read =
        blocking.submit(
            () -> {
              long seq = store.top(board, season).map(TopNChanged::seq).orElse(0L);
              RankedPage page = ranks.page(board, season, offset, limit);
              return new LeaderboardPage(
                  board, season, seq, page.entries(), page.totalUsers(), Instant.now());
            },
            exchange.ctx().executor());
    exchange.await(
        read,
        done -> {
          if (done.isSuccess()) {
            respond(exchange, done.getNow(), offset, limit);
          } else {
            unavailable(exchange, done.cause());
          }
        });
  }

  /** The current top N from memory: the cached response, shared by every request. */
  private static void respond(Exchange exchange, TopResponseCache.CachedTop cached) {
    exchange.respondCached(
        LeaderboardResponses.matches(exchange.ifNoneMatch(), cached.etag())
            ? cached.notModified()
            : cached.ok());
  }

  /** Other seasons and pages, read from the ranking: serialized per request. */
  private static void respond(Exchange exchange, LeaderboardPage page, int offset, int limit) {
    // Below the top N the ranking changes without a new seq, so the tag covers the content.
    String contentTag =
        "-" + offset + "-" + Integer.toHexString(Objects.hash(page.entries(), page.totalUsers()));
    String etag = LeaderboardResponses.etag(page.season(), page.seq(), limit, contentTag);
    if (LeaderboardResponses.matches(exchange.ifNoneMatch(), etag)) {
      exchange.respond(LeaderboardResponses.notModified(etag));
      return;
    }
    ByteBuf json = Unpooled.wrappedBuffer(EventJson.toBytes(page));
    exchange.respond(LeaderboardResponses.ok(json, etag));
  }

  private static void unavailable(Exchange exchange, Throwable cause) {
    log.warn("Leaderboard read failed: {}", cause.toString());
    exchange.fail(ErrorCode.UNAVAILABLE, "the leaderboard is temporarily unavailable");
  }

  /** The requested limit, or {@code null} if it is not acceptable. */
  static Integer limit(String raw) {
    if (raw == null || raw.isEmpty()) {
      return DEFAULT_LIMIT;
    }
    if (raw.length() > 3 || !raw.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int limit = Integer.parseInt(raw);
    return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
  }

  /** A page of the board, from memory or read from the ranking; field names are the public API. */
  record LeaderboardPage(
      String board,
      String season,
      long seq,
      List<LeaderboardEntry> entries,
      long totalUsers,
      Instant generatedAt) {}
}
