package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.concurrent.Future;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/leaderboards/{board}?limit=&season=}: up to the top N of the current season
 * straight from memory as pre-serialized bytes ({@link TopResponseCache}), so a request costs no
 * serialization; other seasons and deeper pages from the read model on the blocking pool.
 */
final class LeaderboardEndpoint {

  static final String PREFIX = "/api/v1/leaderboards/";
  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 100;

  private static final Logger log = LoggerFactory.getLogger(LeaderboardEndpoint.class);

  private final BoardFeed feed;
  private final LeaderboardStore store;
  private final BlockingExecutor blocking;
  private final int topN;
  private final TopResponseCache cache;

  LeaderboardEndpoint(
      BoardFeed feed,
      LeaderboardStore store,
      BlockingExecutor blocking,
      int topN,
      TopResponseCache cache) {
    this.feed = feed;
    this.store = store;
    this.blocking = blocking;
    this.topN = topN;
    this.cache = cache;
  }

  void handle(Exchange exchange) {
    String board = exchange.path().substring(PREFIX.length());
    if (board.contains("/")) {
      exchange.fail(ErrorCode.NOT_FOUND, "no such resource");
      return;
    }
    if (!BoardIds.isValidBoard(board)) {
      exchange.fail(ErrorCode.VALIDATION_FAILED, "board must match " + BoardIds.BOARD_PATTERN);
      return;
    }
    Integer limit = limit(exchange.param("limit"));
    if (limit == null) {
      exchange.fail(ErrorCode.VALIDATION_FAILED, "limit must be an integer from 1 to " + MAX_LIMIT);
      return;
    }
    String season = exchange.param("season");
    if (season != null && season.isEmpty()) {
      season = null;
    }
    if (season != null && !BoardIds.isValidSeason(season)) {
      exchange.fail(ErrorCode.VALIDATION_FAILED, "season is not a valid season id");
      return;
    }
    String wanted = season;
    exchange.await(
        feed.current(board, exchange.ctx().executor()),
        current -> {
          if (!current.isSuccess()) {
            unavailable(exchange, current.cause());
          } else if (limit <= topN
              && (wanted == null || wanted.equals(current.getNow().top().season()))) {
            respond(exchange, cache.get(current.getNow(), limit));
          } else {
            String effective = wanted != null ? wanted : current.getNow().top().season();
            fromStore(exchange, board, effective, limit);
          }
        });
  }

  private void fromStore(Exchange exchange, String board, String season, int limit) {
    Future<TopNChanged> read =
        blocking.submit(
            () -> {
              TopNChanged top =
                  store
                      .top(board, season)
                      .orElseGet(
                          () -> new TopNChanged(board, season, 0, List.of(), List.of(), null));
              if (limit <= topN) {
                return top;
              }
              List<LeaderboardEntry> ranking = store.ranking(board, season, limit);
              return new TopNChanged(board, season, top.seq(), ranking, List.of(), null);
            },
            exchange.ctx().executor());
    exchange.await(
        read,
        done -> {
          if (done.isSuccess()) {
            String contentTag =
                limit > topN ? "-" + Integer.toHexString(done.getNow().entries().hashCode()) : "";
            respond(exchange, done.getNow(), limit, contentTag);
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

  /** Other seasons and deep pages, read from the store: serialized per request. */
  private static void respond(Exchange exchange, TopNChanged top, int limit, String contentTag) {
    String etag = LeaderboardResponses.etag(top, limit, contentTag);
    if (LeaderboardResponses.matches(exchange.ifNoneMatch(), etag)) {
      exchange.respond(LeaderboardResponses.notModified(etag));
      return;
    }
    List<LeaderboardEntry> entries = top.entries();
    LeaderboardResponse body =
        new LeaderboardResponse(
            top.board(),
            top.season(),
            top.seq(),
            entries.subList(0, Math.min(limit, entries.size())),
            Instant.now());
    ByteBuf json = Unpooled.wrappedBuffer(EventJson.toBytes(body));
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

  /** The response body; field names are the public API. */
  record LeaderboardResponse(
      String board, String season, long seq, List<LeaderboardEntry> entries, Instant generatedAt) {}
}
