package dev.livescoreboard.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class RequestLogContextTest {

  private static final String TRACEPARENT =
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  private final Map<String, String> seen = new HashMap<>();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new RequestLogContext(),
          new ChannelInboundHandlerAdapter() {
            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
              Map<String, String> mdc = MDC.getCopyOfContextMap();
              seen.putAll(mdc == null ? Map.of() : mdc);
              ReferenceCountUtil.release(msg);
            }
          });

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void handlersBehindItLogWithTheRequestsIdAndTraceThenTheThreadIsClean() {
    FullHttpRequest request = request();
    request.headers().set("X-Request-Id", "req-7");
    request.headers().set("traceparent", TRACEPARENT);

    channel.writeInbound(request);

    assertThat(seen)
        .containsEntry("requestId", "req-7")
        .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
  }

  @Test
  void withoutHeadersARequestGetsAnIdButNoTrace() {
    FullHttpRequest request = request();
    request.headers().set("traceparent", "garbage");

    channel.writeInbound(request);

    assertThat(seen.get("requestId")).isNotBlank();
    assertThat(seen).doesNotContainKey("traceId");
  }

  private static FullHttpRequest request() {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/nope");
  }
}
