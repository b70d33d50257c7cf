package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * What a rank read found, computed on the blocking pool and sent from the event loop: a JSON body,
 * or a problem.
 *
 * @param body the response body, or {@code null} for a problem
 * @param error the problem's code, or {@code null} for a body
 * @param detail the problem's detail
 */
record RankAnswer(Object body, ErrorCode error, String detail) {

  static RankAnswer ok(Object body) {
    return new RankAnswer(body, null, null);
  }

  static RankAnswer problem(ErrorCode error, String detail) {
    return new RankAnswer(null, error, detail);
  }

  static RankAnswer unauthorized() {
    return problem(ErrorCode.UNAUTHORIZED, "a valid bearer token is required for /me");
  }

  void send(Exchange exchange) {
    FullHttpResponse response;
    if (error == null) {
      response = HttpResponses.json(HttpResponseStatus.OK, body);
      // Ranks move with every score: clients may keep a copy but must not reuse it unasked.
      response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
    } else {
      response = HttpResponses.problem(error, detail);
      if (error == ErrorCode.UNAUTHORIZED) {
        response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
      }
    }
    exchange.respond(response);
  }
}
