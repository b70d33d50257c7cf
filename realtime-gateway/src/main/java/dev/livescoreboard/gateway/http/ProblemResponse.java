package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;

/** A problem response that remembers its code, for the response meter of the HTTP codec. */
final class ProblemResponse extends DefaultFullHttpResponse {

  private final ErrorCode code;

  ProblemResponse(ErrorCode code, ByteBuf body) {
    super(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(code.status()), body);
    this.code = code;
  }

  ErrorCode code() {
    return code;
  }
}
