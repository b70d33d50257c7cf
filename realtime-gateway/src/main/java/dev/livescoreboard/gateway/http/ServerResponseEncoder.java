package dev.livescoreboard.gateway.http;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Netty's response encoder, plus what {@code HttpServerCodec} adds to it: each final response
 * answers the oldest pending request, so a response to {@code HEAD} is sent without its body (its
 * {@code Content-Length} still tells the size), and a connection marked by the decoder closes after
 * its response. A plain buffer written between responses is a whole response encoded in advance
 * (the top-N fast path) and passes unchanged.
 */
final class ServerResponseEncoder extends HttpResponseEncoder {

  private final PendingRequests pending;

  /** Whether a response head went out and its last content has not (a streamed body). */
  private boolean streaming;

  ServerResponseEncoder(PendingRequests pending) {
    this.pending = pending;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise)
      throws Exception {
    if (msg instanceof ByteBuf && !streaming) {
      ctx.write(msg, promise);
      return;
    }
    if (msg instanceof LastHttpContent) {
      streaming = false;
      if (pending.takeCloseAfterResponse()) {
        promise = promise.unvoid().addListener(ChannelFutureListener.CLOSE);
      }
    } else if (msg instanceof HttpResponse) {
      streaming = true;
    }
    super.write(ctx, msg, promise);
  }

  @Override
  protected boolean isContentAlwaysEmpty(HttpResponse msg) {
    HttpResponseStatus status = msg.status();
    // An interim response (100 Continue) precedes the real one and answers nothing yet.
    boolean interim =
        status.codeClass() == HttpStatusClass.INFORMATIONAL
            && status.code() != HttpResponseStatus.SWITCHING_PROTOCOLS.code();
    HttpMethod method = interim ? null : pending.answer();
    return HttpMethod.HEAD.equals(method) || super.isContentAlwaysEmpty(msg);
  }
}
