package dev.livescoreboard.gateway;

import dev.livescoreboard.gateway.blocking.ReadHolds;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A peer that does not take what it is sent: while the channel is not writable (its outbound bytes
 * above the write-buffer high-water mark) nothing more is read from it, so it cannot make the
 * gateway queue answers to requests it keeps sending; if it is still not writable after the drain
 * timeout, the connection is closed (no close frame or answer: the peer reads nothing). Every phase
 * alike: an HTTP client that pipelines without reading, a WebSocket or SSE reader that stopped
 * reading (their broadcasts are conflated meanwhile, see the {@code board} package). One per
 * connection, on its event loop; costs nothing while the channel is writable.
 */
final class DrainDeadline extends ChannelInboundHandlerAdapter {

  private final long timeoutMillis;
  private final GatewayMetrics metrics;

  /** The close scheduled while the channel is not writable, and reading held; else null. */
  private ScheduledFuture<?> close;

  DrainDeadline(Duration timeout, GatewayMetrics metrics) {
    this.timeoutMillis = timeout.toMillis();
    this.metrics = metrics;
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (!ctx.channel().isWritable()) {
      if (close == null) {
        ReadHolds.hold(ctx.channel());
        close = ctx.executor().schedule(() -> timedOut(ctx), timeoutMillis, TimeUnit.MILLISECONDS);
      }
    } else if (close != null) {
      close.cancel(false);
      close = null;
      ReadHolds.release(ctx.channel());
    }
    ctx.fireChannelWritabilityChanged();
  }

  private void timedOut(ChannelHandlerContext ctx) {
    close = null;
    metrics.timedOut("drain");
    ctx.close();
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (close != null) {
      close.cancel(false);
      close = null;
    }
    ctx.fireChannelInactive();
  }
}
