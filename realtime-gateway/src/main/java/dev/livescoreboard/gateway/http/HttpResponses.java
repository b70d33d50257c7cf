package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.RequestIds;
import dev.livescoreboard.gateway.config.PageSettings;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;

/** Building and sending HTTP responses, every one with the security headers. */
public final class HttpResponses {

  /**
   * Only this origin's scripts and connections (CSP 3's {@code 'self'} covers the same host's
   * WebSockets); never framed. The live page carries its own, {@link
   * dev.livescoreboard.gateway.config.PageSettings#contentSecurityPolicy()}.
   */
  static final String CONTENT_SECURITY_POLICY = PageSettings.none().contentSecurityPolicy();

  /** Redis and key fetches recover within seconds or not soon; clients retry after this. */
  private static final int RETRY_AFTER_SECONDS = 2;

  static final String CSP_HEADER = "Content-Security-Policy";

  static final String JSON = "application/json";
  static final String PROBLEM_JSON = "application/problem+json";

  private HttpResponses() {}

  /** A JSON response. */
  public static FullHttpResponse json(HttpResponseStatus status, Object body) {
    return bytes(status, JSON, EventJson.toBytes(body));
  }

  /** A problem response for {@code code}. */
  public static FullHttpResponse problem(ErrorCode code, String detail) {
    Problem problem = Problem.of(code, detail);
    FullHttpResponse response =
        new ProblemResponse(code, Unpooled.wrappedBuffer(EventJson.toBytes(problem)));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, PROBLEM_JSON);
    response.headers().set(RequestIds.HEADER, problem.requestId());
    response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
    if (code == ErrorCode.UNAVAILABLE) {
      response.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response;
  }

  static FullHttpResponse text(HttpResponseStatus status, String contentType, String body) {
    return bytes(status, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  static FullHttpResponse bytes(HttpResponseStatus status, String contentType, byte[] body) {
    FullHttpResponse response =
        new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return response;
  }

  /** A response over {@code body} as is (e.g. a view of shared, pre-serialized bytes). */
  static FullHttpResponse buffer(HttpResponseStatus status, String contentType, ByteBuf body) {
    FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, body);
    response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    return response;
  }

  static FullHttpResponse empty(HttpResponseStatus status) {
    return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
  }

  /** Adds the headers every response carries; a response's own policy (the page's) is kept. */
  public static void secure(HttpHeaders headers) {
    if (!headers.contains(CSP_HEADER)) {
      headers.set(CSP_HEADER, CONTENT_SECURITY_POLICY);
    }
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    headers.set("X-Frame-Options", "DENY");
  }

  /**
   * Whether {@code msg}, written to a channel, completes the answer to a request: the last part of
   * a response that is not an interim one ({@code 100 Continue}, {@code 101 Switching Protocols}).
   */
  static boolean endsFinalResponse(Object msg) {
    return msg instanceof LastHttpContent
        && !(msg instanceof HttpResponse response
            && response.status().codeClass() == HttpStatusClass.INFORMATIONAL);
  }

  /** Sends {@code response}, keeping the connection open only if the client asked to. */
  public static void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
    complete(response, keepAlive);
    if (keepAlive) {
      ctx.writeAndFlush(response);
    } else {
      ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /**
   * Adds the headers every response gets on its way out: security, length and connection. Also used
   * to pre-encode responses, so they carry exactly what a sent one would.
   */
  static FullHttpResponse complete(FullHttpResponse response, boolean keepAlive) {
    secure(response.headers());
    HttpUtil.setContentLength(response, response.content().readableBytes());
    HttpUtil.setKeepAlive(response, keepAlive);
    return response;
  }

  /** Sends {@code response} and closes the connection (refused upgrades, broken requests). */
  public static void sendAndClose(ChannelHandlerContext ctx, FullHttpResponse response) {
    send(ctx, false, response);
  }
}
