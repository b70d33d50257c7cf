package dev.livescoreboard.gateway.sse;

import dev.livescoreboard.gateway.board.BoardFeed;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One open stream, in the place of the HTTP codec once the response head is out: the connection is
 * then a one-way byte stream, like a WebSocket after its upgrade. Sends a keep-alive comment every
 * interval, catches a slow reader up when it drains, closes the stream when its token expires, and
 * forgets its subscription when it closes. Whatever the client sends is discarded, so no request on
 * this connection is ever answered into the stream. One per channel, on its event loop.
 */
final class SseStream extends ChannelInboundHandlerAdapter {

  private final BoardFeed feed;
  private final ByteBuf keepAlive;
  private final Duration interval;
  private final Instant expiresAt;
  private ScheduledFuture<?> keepAlives;
  private ScheduledFuture<?> expiry;

  /**
   * @param keepAlive the shared comment frame
   * @param expiresAt when the reader's token expires, or {@code null} for an anonymous reader
   */
  SseStream(BoardFeed feed, ByteBuf keepAlive, Duration interval, Instant expiresAt) {
    this.feed = feed;
    this.keepAlive = keepAlive;
    this.interval = interval;
    this.expiresAt = expiresAt;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    long millis = interval.toMillis();
    keepAlives =
        ctx.executor()
            .scheduleAtFixedRate(
                // A slow reader skips one: it has bytes pending anyway, which keep proxies open.
                () -> SseWriter.sendShared(ctx.channel(), keepAlive),
                millis,
                millis,
                TimeUnit.MILLISECONDS);
    if (expiresAt != null) {
      long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
      // EventSource reconnects with the same URL, whose expired token is then refused with 401.
      expiry = ctx.executor().schedule(() -> ctx.close(), delay, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    ReferenceCountUtil.release(msg);
  }

  /** Not passed on: this stream is the only part of the pipeline that acts on writability now. */
  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) {
    if (ctx.channel().isWritable()) {
      feed.writable(ctx.channel());
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    keepAlives.cancel(false);
    if (expiry != null) {
      expiry.cancel(false);
    }
    feed.closed(ctx.channel());
    super.channelInactive(ctx);
  }
}
