package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.RequestIds;
import dev.livescoreboard.events.TraceParent;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import org.slf4j.MDC;

/**
 * Names each request the router, the SSE endpoint or the WebSocket admission handles, for the log
 * lines it causes: its {@code X-Request-Id} ({@link RequestIds}: the caller's when it is a short
 * token, else a new one) and, when it carries a valid {@code traceparent}, its trace id, in the MDC
 * while the handlers behind this one run on the event loop. {@link Exchange} puts them back around
 * the work it waits for, and problem responses quote the request id. Stateless; one for all
 * channels.
 */
@Sharable
public final class RequestLogContext extends ChannelInboundHandlerAdapter {

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof HttpRequest request)) {
      ctx.fireChannelRead(msg);
      return;
    }
    HttpHeaders headers = request.headers();
    TraceParent trace = TraceParent.parse(headers.get(TraceParent.HEADER));
    enter(
        RequestIds.resolve(headers.get(RequestIds.HEADER)), trace == null ? null : trace.traceId());
    try {
      ctx.fireChannelRead(msg);
    } finally {
      leave();
    }
  }

  /** Puts a request's ids into this thread's MDC; {@code traceId} may be {@code null}. */
  static void enter(String requestId, String traceId) {
    MDC.put(RequestIds.MDC_KEY, requestId);
    if (traceId != null) {
      MDC.put(TraceParent.MDC_KEY, traceId);
    }
  }

  /** Takes them out again. */
  static void leave() {
    MDC.remove(RequestIds.MDC_KEY);
    MDC.remove(TraceParent.MDC_KEY);
  }
}
