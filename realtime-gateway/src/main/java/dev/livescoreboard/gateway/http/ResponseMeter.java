package dev.livescoreboard.gateway.http;

import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Counts every HTTP response on its way to the codec by status and, for a problem response, its
 * code ({@code gateway_http_responses_total}): the fast path's, the router's, refused upgrades and
 * streams, the WebSocket handshake's 101. The first message that is not HTTP (a WebSocket frame or
 * an SSE event, once the handshake or the stream took the codec out) takes the meter out of the
 * pipeline too, so broadcasts never pass through it. Stateless; one for all channels.
 */
@Sharable
final class ResponseMeter extends ChannelOutboundHandlerAdapter {

  private final GatewayMetrics metrics;

  ResponseMeter(GatewayMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
    if (msg instanceof HttpResponse response) {
      metrics.response(
          response.status().code(), msg instanceof ProblemResponse problem ? problem.code() : null);
    } else if (!(msg instanceof HttpObject)) {
      ctx.pipeline().remove(this);
    }
    ctx.write(msg, promise);
  }
}
