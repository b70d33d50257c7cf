package dev.livescoreboard.bench.ws;

import dev.livescoreboard.bench.http.WallClock;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Promise;
import java.util.concurrent.atomic.LongAdder;

/**
 * The last handler of a client's pipeline: completes the handshake promise, hands text frames to
 * the listener and counts connections the server closed after the handshake. One per channel.
 */
final class ClientFrameHandler extends ChannelInboundHandlerAdapter {

  private final FrameListener listener;
  private final LongAdder disconnects;
  private Promise<Void> handshake;

  ClientFrameHandler(FrameListener listener, LongAdder disconnects) {
    this.listener = listener;
    this.disconnects = disconnects;
  }

  Promise<Void> handshake() {
    return handshake;
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    handshake = ctx.executor().newPromise();
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
    if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
      handshake.trySuccess(null);
    } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
      handshake.tryFailure(new IllegalStateException("handshake timed out"));
    }
    ctx.fireUserEventTriggered(evt);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    try {
      if (msg instanceof TextWebSocketFrame frame) {
        long micros = WallClock.micros();
        listener.onText(ctx.channel(), frame.content(), micros);
      }
    } finally {
      ReferenceCountUtil.release(msg);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    if (!handshake.tryFailure(new IllegalStateException("closed before the handshake"))) {
      disconnects.increment();
    }
    ctx.fireChannelInactive();
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    handshake.tryFailure(cause);
    ctx.close();
  }
}
