package dev.livescoreboard.gateway.http;

import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.BoardState;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * Answers the hottest request, {@code GET /api/v1/leaderboards/{board}} of a board in memory, right
 * after the decoder: the pre-encoded response of the board's current state ({@link
 * TopResponseCache}) is written as is, so such a request costs no aggregation, routing, header
 * building or encoding. Everything else — other paths and methods, query parameters, CORS, {@code
 * Connection: close}, HTTP/1.0, request bodies, boards not loaded yet — goes down the pipeline
 * unchanged and is recorded in {@link PendingRequests}; while any of those is unanswered, later
 * requests follow them, so responses keep request order. One per channel, on its event loop.
 */
final class TopFastPath extends ChannelInboundHandlerAdapter {

  private final BoardFeed feed;
  private final TopResponseCache cache;
  private final PendingRequests pending;
  private final boolean defaultLimitInMemory;

  /** Whether the rest of an answered request (its empty last content) is still to be dropped. */
  private boolean dropContent;

  TopFastPath(BoardFeed feed, TopResponseCache cache, PendingRequests pending, int topN) {
    this.feed = feed;
    this.cache = cache;
    this.pending = pending;
    this.defaultLimitInMemory = LeaderboardEndpoint.DEFAULT_LIMIT <= topN;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      EncodedResponse answer = answer(request);
      if (answer != null) {
        // Flushed once per read by the FlushConsolidationHandler, however many were pipelined.
        ctx.writeAndFlush(answer.duplicate(), ctx.voidPromise());
        dropContent = !(msg instanceof LastHttpContent);
        ReferenceCountUtil.release(msg);
      } else if (pending.add(request.method())) {
        ctx.fireChannelRead(msg);
      } else {
        ReferenceCountUtil.release(msg);
        ctx.close();
      }
    } else if (dropContent && msg instanceof HttpContent) {
      dropContent = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  /** The response to {@code request} if this handler may send it, else {@code null}. */
  private EncodedResponse answer(HttpRequest request) {
    if (!defaultLimitInMemory
        || !pending.isEmpty()
        || !HttpMethod.GET.equals(request.method())
        || !HttpVersion.HTTP_1_1.equals(request.protocolVersion())
        || !request.decoderResult().isSuccess()
        || !request.uri().startsWith(LeaderboardEndpoint.PREFIX)) {
      return null;
    }
    HttpHeaders headers = request.headers();
    if (headers.contains(HttpHeaderNames.ORIGIN)
        || hasBody(headers)
        || !HttpUtil.isKeepAlive(request)) {
      return null;
    }
    // Only ids of boards in memory match, so anything with a '/', '?' or '%' falls through.
    String board = request.uri().substring(LeaderboardEndpoint.PREFIX.length());
    BoardState state = feed.known(board).orElse(null);
    if (state == null) {
      return null;
    }
    TopResponseCache.CachedTop top = cache.get(state, LeaderboardEndpoint.DEFAULT_LIMIT);
    String ifNoneMatch = headers.get(HttpHeaderNames.IF_NONE_MATCH);
    return LeaderboardResponses.matches(ifNoneMatch, top.etag()) ? top.notModified() : top.ok();
  }

  /** Whether the request announces a body (many clients send {@code Content-Length: 0}). */
  private static boolean hasBody(HttpHeaders headers) {
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    return (length != null && !length.equals("0"))
        || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
  }
}
