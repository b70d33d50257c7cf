package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.board.BoardState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The top-N responses served from memory, serialized once per (board, season, seq, limit) and then
 * sent as shared bytes with their ETag; for the default limit also as whole encoded responses.
 * Bounded: per board only the bodies of its newest state are kept, at most one per limit up to N; a
 * newer state replaces them all. Safe for any thread: two loops racing to fill the same slot both
 * serialize, one result is kept, and both are equal.
 */
final class TopResponseCache {

  private final int topN;
  private final Clock clock;
  private final ConcurrentMap<String, Bodies> byBoard = new ConcurrentHashMap<>();

  TopResponseCache(int topN, Clock clock) {
    this.topN = topN;
    this.clock = clock;
  }

  /** The response of {@code limit} (1..N) entries of {@code state}, with a body of its own. */
  CachedTop get(BoardState state, int limit) {
    Bodies bodies = bodiesOf(state);
    CachedTop cached = bodies.byLimit.get(limit);
    if (cached == null) {
      cached = render(state.top(), limit);
      if (!bodies.byLimit.compareAndSet(limit, null, cached)) {
        cached = bodies.byLimit.get(limit);
      }
    }
    return cached;
  }

  private Bodies bodiesOf(BoardState state) {
    String board = state.top().board();
    Bodies known = byBoard.get(board);
    if (known != null && known.state == state) {
      return known;
    }
    // Only a newer state replaces the cached one; a request still holding an older state gets
    // bodies that are not kept.
    Bodies fresh = new Bodies(state, new AtomicReferenceArray<>(topN + 1));
    Bodies result =
        byBoard.merge(
            board,
            fresh,
            (current, proposed) ->
                current.state == proposed.state || !current.state.isSupersededBy(state.top())
                    ? current
                    : proposed);
    return result.state == state ? result : fresh;
  }

  private CachedTop render(TopNChanged top, int limit) {
    List<LeaderboardEntry> entries = top.entries();
    LeaderboardEndpoint.LeaderboardResponse body =
        new LeaderboardEndpoint.LeaderboardResponse(
            top.board(),
            top.season(),
            top.seq(),
            entries.subList(0, Math.min(limit, entries.size())),
            clock.instant());
    ByteBuf bytes = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(EventJson.toBytes(body)));
    String etag = LeaderboardResponses.etag(top, limit, "");
    if (limit != LeaderboardEndpoint.DEFAULT_LIMIT) {
      return new CachedTop(etag, bytes, null, null);
    }
    return new CachedTop(
        etag,
        bytes,
        EncodedResponse.of(
            HttpResponses.complete(LeaderboardResponses.ok(bytes.duplicate(), etag), true)),
        EncodedResponse.of(HttpResponses.complete(LeaderboardResponses.notModified(etag), true)));
  }

  /**
   * One cached response; the buffer is unreleasable, so responses share it via {@link #body()}.
   *
   * @param etag the strong validator of exactly these bytes
   * @param ok the whole 200 response on a kept-alive HTTP/1.1 connection without CORS, encoded;
   *     only for the default limit, the one {@link TopFastPath} serves ({@code null} for others)
   * @param notModified the whole 304 response to a matching {@code If-None-Match}, likewise
   */
  record CachedTop(String etag, ByteBuf bytes, EncodedResponse ok, EncodedResponse notModified) {

    /** A view of the bytes for one response (its own reader index). */
    ByteBuf body() {
      return bytes.duplicate();
    }
  }

  private record Bodies(BoardState state, AtomicReferenceArray<CachedTop> byLimit) {}
}
