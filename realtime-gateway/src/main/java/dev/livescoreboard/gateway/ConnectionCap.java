package dev.livescoreboard.gateway;

import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * First in every pipeline: counts open connections and closes one accepted beyond the maximum
 * before anything reads from it. Every channel is counted while it is open, refused ones too, so
 * the count stays exact; a refused one only makes the count briefly higher. Thread-safe.
 */
@Sharable
final class ConnectionCap extends ChannelInboundHandlerAdapter {

  private final AtomicInteger open = new AtomicInteger();
  private final int max;
  private final GatewayMetrics metrics;

  ConnectionCap(int max, GatewayMetrics metrics) {
    this.max = max;
    this.metrics = metrics;
    metrics.bindOpenConnections(open::get);
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) {
    if (open.incrementAndGet() > max) {
      metrics.refusedConnection();
      // Not passed on: no handler behind sees the channel, and the close lands before any read.
      ctx.close();
      return;
    }
    ctx.fireChannelActive();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    open.decrementAndGet();
    ctx.fireChannelInactive();
  }
}
