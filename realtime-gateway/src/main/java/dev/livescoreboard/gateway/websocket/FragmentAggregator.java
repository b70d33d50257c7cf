package dev.livescoreboard.gateway.websocket;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;

/**
 * Joins a fragmented client message (a text frame and its continuation frames) into one frame, so a
 * message is accepted whether or not the client or an intermediary fragments it, and the size limit
 * holds for the whole message as for one frame: fragments that add up to more than the frame limit
 * close the connection with 1009, as one frame that big does (Netty's decoder). Nothing is held
 * beyond that limit. One instance per connection, on its event loop.
 */
public final class FragmentAggregator extends WebSocketFrameAggregator {

  public FragmentAggregator(int maxMessageBytes) {
    super(maxMessageBytes);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, WebSocketFrame oversized) {
    ctx.writeAndFlush(
            new CloseWebSocketFrame(
                WebSocketCloseStatus.MESSAGE_TOO_BIG,
                "message larger than " + maxContentLength() + " bytes"))
        .addListener(ChannelFutureListener.CLOSE);
  }
}
