package dev.livescoreboard.gateway.http;

import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.BoardState;
import dev.livescoreboard.gateway.registry.BoardInfo;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
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
 * Answers the hottest request, a plain {@code GET /api/v1/leaderboards/{board}} of a board in
 * memory, right behind {@code HttpServerCodec}: it writes the response built once for the board's
 * state ({@link TopResponseCache}), so such a request costs no aggregation, routing or header
 * building. Everything else — other paths and methods, query parameters, CORS, {@code Connection:
 * close}, HTTP/1.0, request bodies, boards not loaded yet, boards the {@link BoardRegistry} does
 * not know or whose top N is shorter than the default limit — goes on to the router unchanged.
 * While any request handed on is unanswered, later ones follow it, so responses keep request order
 * (the codec disconnects a client that pipelines more than {@link HttpFrontEnd#MAX_PIPELINED}); so
 * do requests that arrive while the channel's reading is held. One per channel, on its event loop.
 */
final class TopFastPath extends ChannelDuplexHandler {

  private final BoardFeed feed;
  private final BoardRegistry registry;
  private final TopResponseCache cache;

  /** Requests handed on whose final response has not been written yet. */
  private int pending;

  /** Whether the rest of an answered request (its empty last content) is still to be dropped. */
  private boolean dropContent;

  TopFastPath(BoardFeed feed, BoardRegistry registry, TopResponseCache cache) {
    this.feed = feed;
    this.registry = registry;
    this.cache = cache;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (msg instanceof HttpRequest request) {
      // While reading is held (the peer does not take its answers) requests are handed on, where
      // they wait unanswered, so the codec's pipelining limit bounds them instead of an outbound
      // buffer growing with answers nobody reads.
      TopResponseCache.CachedTop top =
          pending == 0 && ctx.channel().config().isAutoRead() ? answerable(request) : null;
      if (top != null) {
        String ifNoneMatch = request.headers().get(HttpHeaderNames.IF_NONE_MATCH);
        // Flushed once per read by the FlushConsolidationHandler, however many were pipelined.
        ctx.writeAndFlush(
            LeaderboardResponses.matches(ifNoneMatch, top.etag()) ? top.notModified() : top.ok(),
            ctx.voidPromise());
        dropContent = !(msg instanceof LastHttpContent);
        ReferenceCountUtil.release(msg);
      } else {
        pending++;
        ctx.fireChannelRead(msg);
      }
    } else if (dropContent && msg instanceof HttpContent) {
      dropContent = !(msg instanceof LastHttpContent);
      ReferenceCountUtil.release(msg);
    } else {
      ctx.fireChannelRead(msg);
    }
  }

  /** Counts the final responses of the requests handed on (an interim 100 answers nothing yet). */
  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (pending > 0 && HttpResponses.endsFinalResponse(msg)) {
      pending--;
    }
    ctx.write(msg, promise);
  }

  /** The cached top N that answers {@code request}, or {@code null} if the router must. */
  private TopResponseCache.CachedTop answerable(HttpRequest request) {
    if (!HttpMethod.GET.equals(request.method())
        || !HttpVersion.HTTP_1_1.equals(request.protocolVersion())
        || !request.decoderResult().isSuccess()
        || !request.uri().startsWith(LeaderboardRoutes.PREFIX)) {
      return null;
    }
    HttpHeaders headers = request.headers();
    if (headers.contains(HttpHeaderNames.ORIGIN)
        || hasBody(headers)
        || !HttpUtil.isKeepAlive(request)) {
      return null;
    }
    // Only ids of boards in memory match, so anything with a '/', '?' or '%' falls through.
    String board = request.uri().substring(LeaderboardRoutes.PREFIX.length());
    BoardInfo info = registry.known(board).orElse(null);
    if (info == null || info.topN() < LeaderboardEndpoint.DEFAULT_LIMIT) {
      return null;
    }
    BoardState state = feed.known(board).orElse(null);
    return state == null ? null : cache.get(state, LeaderboardEndpoint.DEFAULT_LIMIT);
  }

  /** Whether the request announces a body (many clients send {@code Content-Length: 0}). */
  private static boolean hasBody(HttpHeaders headers) {
    String length = headers.get(HttpHeaderNames.CONTENT_LENGTH);
    return (length != null && !length.equals("0"))
        || headers.contains(HttpHeaderNames.TRANSFER_ENCODING);
  }
}
