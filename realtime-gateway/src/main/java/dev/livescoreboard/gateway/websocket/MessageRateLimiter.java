package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Limits the frames a client sends on one WebSocket with a token bucket: {@code burst} frames at
 * once, refilled at {@code perSecond}. It sits in front of Netty's protocol handler, so every frame
 * counts: messages, each fragment of one, pings (which Netty would otherwise answer without limit)
 * and pongs. The first frame over the limit gets {@code ERROR RATE_LIMITED} and a close frame 1008
 * (policy violation); frames that still arrive meanwhile are dropped. The TCP connection is closed
 * when the client's close frame answers (RFC 6455 §7.1.1), or after {@link
 * #CLOSE_HANDSHAKE_TIMEOUT} without one: closing at once, with more of the flood unread in the
 * socket, resets the connection, and a reset can overtake the {@code ERROR} and the close frame on
 * their way to the client. A client that floods costs one comparison per frame, never a parse. One
 * instance per connection, confined to its event loop.
 */
public final class MessageRateLimiter extends ChannelInboundHandlerAdapter {

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  /** How long a client over its limit has to answer the close frame before the socket closes. */
  static final Duration CLOSE_HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);

  private final long nanosPerToken;
  private final long burstNanos;
  private final GatewayMetrics metrics;
  private final LongSupplier nanoTime;

  /**
   * The bucket as a time: it holds {@code (now - emptyAt) / nanosPerToken} tokens, at most burst.
   */
  private long emptyAt;

  private boolean closing;

  public MessageRateLimiter(int perSecond, int burst, GatewayMetrics metrics) {
    this(perSecond, burst, metrics, System::nanoTime);
  }

  MessageRateLimiter(int perSecond, int burst, GatewayMetrics metrics, LongSupplier nanoTime) {
    this.nanosPerToken = NANOS_PER_SECOND / perSecond;
    this.burstNanos = nanosPerToken * burst;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
    // Starts full.
    this.emptyAt = nanoTime.getAsLong() - burstNanos;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof WebSocketFrame)) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (closing) {
      if (msg instanceof CloseWebSocketFrame) {
        ctx.close();
      }
      ReferenceCountUtil.release(msg);
      return;
    }
    if (tryTake()) {
      ctx.fireChannelRead(msg);
      return;
    }
    ReferenceCountUtil.release(msg);
    closing = true;
    metrics.rateLimitedConnection();
    ctx.write(
        ServerMessages.error(
            MessageError.RATE_LIMITED, "too many messages: the connection is closed"));
    ctx.writeAndFlush(
        new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "rate limited"));
    ScheduledFuture<?> forcedClose =
        ctx.executor()
            .schedule(() -> ctx.close(), CLOSE_HANDSHAKE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    ctx.channel().closeFuture().addListener(closed -> forcedClose.cancel(false));
  }

  private boolean tryTake() {
    long now = nanoTime.getAsLong();
    // A bucket fuller than burst is capped at burst.
    long start = Math.max(emptyAt, now - burstNanos);
    long next = start + nanosPerToken;
    if (next > now) {
      return false;
    }
    emptyAt = next;
    return true;
  }
}
