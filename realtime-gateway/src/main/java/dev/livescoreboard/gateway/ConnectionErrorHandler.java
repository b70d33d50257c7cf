package dev.livescoreboard.gateway;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.PrematureChannelClosureException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The end of every pipeline: whatever error reaches it closes the connection. Peers that vanish or
 * break the protocol are routine (Netty has already answered a protocol violation with the right
 * close code), so only unexpected errors are logged as warnings, without stack traces of client
 * data.
 */
@Sharable
final class ConnectionErrorHandler extends ChannelInboundHandlerAdapter {

  private static final Logger log = LoggerFactory.getLogger(ConnectionErrorHandler.class);

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (cause instanceof IOException
        // Whatever a decoder refused (malformed frames, more pipelined requests than allowed) and
        // peers gone in the middle of a message: the client's doing, and a flood of them must not
        // flood the log.
        || cause instanceof DecoderException
        || cause instanceof PrematureChannelClosureException) {
      log.debug("Closing {}: {}", ctx.channel().remoteAddress(), cause.toString());
    } else {
      log.warn("Closing {} after an unexpected error", ctx.channel().remoteAddress(), cause);
    }
    ctx.close();
  }
}
