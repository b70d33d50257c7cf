package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.RequestIds;
import dev.livescoreboard.gateway.auth.BearerToken;
import dev.livescoreboard.gateway.blocking.ReadHolds;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One HTTP request's data that outlives the request message (which is released as soon as the
 * router returns), and the way back to its client.
 *
 * @param ctx the router's context
 * @param path the decoded path
 * @param params the query parameters
 * @param keepAlive whether the client keeps the connection open
 * @param ifNoneMatch the {@code If-None-Match} header, or {@code null}
 * @param corsOrigin the request's {@code Origin} if it is allowed, else {@code null}
 * @param bearer the token of an {@code Authorization: Bearer} header, unverified, or {@code null}
 * @param requestId the request's id ({@link RequestLogContext}), sent back as {@code X-Request-Id}
 * @param traceId the trace id of the request's {@code traceparent}, or {@code null}
 */
record Exchange(
    ChannelHandlerContext ctx,
    String path,
    Map<String, List<String>> params,
    boolean keepAlive,
    String ifNoneMatch,
    String corsOrigin,
    BearerToken bearer,
    String requestId,
    String traceId) {

  /** The first value of a query parameter, or {@code null}. */
  String param(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  void respond(FullHttpResponse response) {
    response.headers().set(RequestIds.HEADER, requestId);
    if (corsOrigin != null) {
      response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigin);
      response.headers().add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    HttpResponses.send(ctx, keepAlive, response);
  }

  /**
   * Sends a cached response as it is, unless this exchange needs headers of its own (CORS, closing
   * the connection): then a copy of it gets them. As it is, it carries no {@code X-Request-Id}: a
   * cached top N is never an error, and copying its headers for the id would cost what the cache
   * saves.
   */
  void respondCached(FullHttpResponse cached) {
    if (corsOrigin == null && keepAlive) {
      ctx.writeAndFlush(cached, ctx.voidPromise());
    } else {
      respond(cached.replace(cached.content()));
    }
  }

  void fail(ErrorCode code, String detail) {
    respond(HttpResponses.problem(code, detail));
  }

  /**
   * Runs {@code then} once {@code work} is done, on this channel's event loop, with the request's
   * ids in the MDC again. While waiting, the channel reads no further requests, so pipelined
   * responses keep their order; a {@code then} that waits again (a board load, then a page read)
   * keeps the channel held until that is done too.
   */
  <T> void await(Future<T> work, Consumer<Future<T>> then) {
    if (work.isDone()) {
      then.accept(work);
      return;
    }
    ReadHolds.hold(ctx.channel());
    work.addListener(
        done -> {
          RequestLogContext.enter(requestId, traceId);
          try {
            then.accept(work);
          } finally {
            RequestLogContext.leave();
            ReadHolds.release(ctx.channel());
          }
        });
  }
}
