package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.gateway.http.RequestDeadline;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps WebSockets honest: pings every heartbeat once upgraded (a live browser answers with a pong,
 * which counts as a read), and closes a channel from which nothing was read for the idle time
 * (reported by the {@code IdleStateHandler} in front). The upgrade ends the request phase, so the
 * {@link RequestDeadline} leaves the pipeline then. One instance per channel.
 */
public final class HeartbeatHandler extends ChannelInboundHandlerAdapter {

  private final Duration interval;
  private ScheduledFuture<?> pings;
  private boolean upgraded;

  public HeartbeatHandler(Duration interval) {
    this.interval = interval;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof HandshakeComplete) {
      upgraded = true;
      // The session's liveness is the heartbeat's from now on, not the request deadline's.
      RequestDeadline.removeFrom(ctx.pipeline());
      long millis = interval.toMillis();
      pings =
          ctx.executor()
              .scheduleAtFixedRate(
                  () -> ctx.writeAndFlush(new PingWebSocketFrame()),
                  millis,
                  millis,
                  TimeUnit.MILLISECONDS);
    } else if (evt instanceof IdleStateEvent idle && idle.state() == IdleState.READER_IDLE) {
      if (upgraded) {
        ctx.writeAndFlush(
                new CloseWebSocketFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE, "idle"))
            .addListener(ChannelFutureListener.CLOSE);
      } else {
        ctx.close();
      }
      return;
    }
    super.userEventTriggered(ctx, evt);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    if (pings != null) {
      pings.cancel(false);
    }
    super.channelInactive(ctx);
  }
}
