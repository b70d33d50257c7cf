package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;

/**
 * Netty's aggregator with a problem body for oversized requests (instead of a bare 413). The
 * connection is closed: the rest of the body would otherwise have to be read and discarded.
 */
public final class BoundedHttpObjectAggregator extends HttpObjectAggregator {

  public BoundedHttpObjectAggregator(int maxContentLength) {
    super(maxContentLength);
  }

  @Override
  protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
    HttpResponses.sendAndClose(
        ctx,
        HttpResponses.problem(
            ErrorCode.PAYLOAD_TOO_LARGE,
            "request body larger than " + maxContentLength() + " bytes"));
  }
}
