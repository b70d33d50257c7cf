package dev.livescoreboard.gateway.http;

import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpRequestDecoder;

/**
 * Netty's request decoder, plus what {@code HttpServerCodec} adds to it: a request framed by both
 * {@code Transfer-Encoding: chunked} and {@code Content-Length} (a request-smuggling pattern)
 * closes the connection after its response.
 */
final class ServerRequestDecoder extends HttpRequestDecoder {

  private final PendingRequests pending;

  ServerRequestDecoder(HttpDecoderConfig config, PendingRequests pending) {
    super(config);
    this.pending = pending;
  }

  @Override
  protected void handleTransferEncodingChunkedWithContentLength(HttpMessage message) {
    super.handleTransferEncodingChunkedWithContentLength(message);
    pending.closeAfterResponse();
  }
}
