package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.LeaderboardEntry;
import dev.livescoreboard.events.TopNChanged;
import dev.livescoreboard.gateway.board.BoardState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The top-N responses served from memory, built once per (board, season, seq, board size, limit) —
 * body bytes, ETag and complete headers — and then sent as they are by the fast path and the router
 * alike. Bounded: per board only the bodies of its newest state are kept, at most one per limit up
 * to N; a newer state, or the same one resized, replaces them all. Safe for any thread: two loops
 * racing to fill the same slot both serialize, one result is kept, and both are equal.
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
                current.state == proposed.state
                        || !(current.state.isSupersededBy(state.top())
                            || current.state.isResizedBy(state.top()))
                    ? current
                    : proposed);
    return result.state == state ? result : fresh;
  }

  private CachedTop render(TopNChanged top, int limit) {
    List<LeaderboardEntry> entries = top.entries();
    LeaderboardEndpoint.LeaderboardPage body =
        new LeaderboardEndpoint.LeaderboardPage(
            top.board(),
            top.season(),
            top.seq(),
            entries.subList(0, Math.min(limit, entries.size())),
            top.totalUsers(),
            clock.instant());
    byte[] json = EventJson.toBytes(body);
    // A JDK direct buffer: sockets write it without a copy out of the heap, and the garbage
    // collector frees it with its state (it has a cleaner, unlike Netty's pooled buffers).
    ByteBuf bytes =
        Unpooled.unreleasableBuffer(
            Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(json.length).put(json).flip()));
    // The board's size changes under one seq (the projector's republish), so the tag names it.
    String etag = LeaderboardResponses.etag(top, limit, "-n" + top.totalUsers());
    return new CachedTop(
        etag,
        bytes,
        HttpResponses.complete(LeaderboardResponses.ok(bytes.duplicate(), etag), true).headers(),
        HttpResponses.complete(LeaderboardResponses.notModified(etag), true).headers());
  }

  /**
   * One state's response: body bytes, ETag and the complete headers of the 200 and the 304, built
   * once and then only read (responses share them; the buffer is unreleasable, each response reads
   * its own {@link #body()} view).
   *
   * @param etag the strong validator of exactly these bytes
   * @param okHeaders every header of the 200 on a kept-alive connection without CORS
   * @param notModifiedHeaders every header of the 304 to a matching {@code If-None-Match}, likewise
   */
  record CachedTop(
      String etag, ByteBuf bytes, HttpHeaders okHeaders, HttpHeaders notModifiedHeaders) {

    /** The 200 response, over the shared headers (which nothing may change). */
    FullHttpResponse ok() {
      return new DefaultFullHttpResponse(
          HttpVersion.HTTP_1_1,
          HttpResponseStatus.OK,
          body(),
          okHeaders,
          EmptyHttpHeaders.INSTANCE);
    }

    /** The 304 response, over the shared headers (which nothing may change). */
    FullHttpResponse notModified() {
      return new DefaultFullHttpResponse(
          HttpVersion.HTTP_1_1,
          HttpResponseStatus.NOT_MODIFIED,
          Unpooled.EMPTY_BUFFER,
          notModifiedHeaders,
          EmptyHttpHeaders.INSTANCE);
    }

    /** A view of the bytes for one response (its own reader index). */
    ByteBuf body() {
      return bytes.duplicate();
    }
  }

  private record Bodies(BoardState state, AtomicReferenceArray<CachedTop> byLimit) {}
}
