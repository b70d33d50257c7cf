package dev.livescoreboard.gateway.http;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.auth.AccessTokenSettings;
import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.gateway.auth.RevocationCheck;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.InMemoryLeaderboardStore;
import dev.livescoreboard.gateway.board.TestFeeds;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.rank.UnreachableRankReads;
import dev.livescoreboard.gateway.registry.TestBoards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.flow.FlowControlHandler;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Netty's codec with the top-N fast path, on an embedded channel fed raw request bytes: what the
 * fast path answers itself, what it passes on, and that responses keep request order and leak no
 * buffer.
 */
class TopFastPathTest {

  private static final String TOP = "/api/v1/leaderboards/global";

  private final NettyLeaks leaks = new NettyLeaks();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 7, "alice", "bob"));

  /** Blocking work waits here until the test runs it, as a slow Redis would make it wait. */
  private final List<Runnable> blockingWork = new ArrayList<>();

  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(blockingWork::add), registry);
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final HttpFrontEnd http =
      new HttpFrontEnd(
          GatewaySettings.fromEnvironment(Map.of()),
          feed,
          store,
          new UnreachableRankReads(),
          new TokenAuthenticator(
              new AccessTokenVerifier(
                  AccessTokenSettings.of(
                      URI.create("http://127.0.0.1:9/jwks.json"), "test", "test")),
              RevocationCheck.NONE),
          new BlockingExecutor(blockingWork::add),
          metrics,
          () -> true,
          TestBoards.of("global"));

  /** Requests that went past the fast path, in pipelines that end there. */
  private final List<Object> passedOn = new ArrayList<>();

  private EmbeddedChannel channel;

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
    metrics.close();
    assertThat(leaks.reported()).as("buffers leaked").isEmpty();
    leaks.close();
  }

  @Test
  void getOfABoardInMemoryIsAnsweredWithoutGoingFurther() {
    channel = codecOnly();
    feed.onTopChanged(top("global", "all-time", 7, "alice", "bob"));

    send("GET " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n");
    // The bench and many clients send an explicit empty body.
    send("GET " + TOP + " HTTP/1.1\r\nHost: gw\r\nContent-Length: 0\r\n\r\n");

    List<FullHttpResponse> responses = responses();
    assertThat(passedOn).isEmpty();
    assertThat(responses).hasSize(2);
    for (FullHttpResponse response : responses) {
      assertThat(response.status().code()).isEqualTo(200);
      assertThat(response.headers().get(HttpHeaderNames.ETAG)).isEqualTo("\"all-time-7-10-n2\"");
      assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
          .isEqualTo("application/json");
      assertThat(response.headers().get("Content-Security-Policy")).contains("default-src 'self'");
      assertThat(response.headers().contains(HttpHeaderNames.CONNECTION)).isFalse();
      JsonNode body = json(response);
      assertThat(body.path("seq").asLong()).isEqualTo(7);
      assertThat(body.path("entries")).hasSize(2);
    }
    release(responses);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "GET " + TOP + "?limit=3 HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET " + TOP + "?season=all-time HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET " + TOP + " HTTP/1.1\r\nHost: gw\r\nOrigin: http://localhost:8080\r\n\r\n",
        "GET " + TOP + " HTTP/1.1\r\nHost: gw\r\nConnection: close\r\n\r\n",
        "GET " + TOP + " HTTP/1.0\r\nHost: gw\r\n\r\n",
        "HEAD " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n",
        "POST " + TOP + " HTTP/1.1\r\nHost: gw\r\nContent-Length: 2\r\n\r\n{}",
        "GET /api/v1/leaderboards/not-loaded HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET " + TOP + "/users/alice HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET /api/v1/leaderboards/%67lobal HTTP/1.1\r\nHost: gw\r\n\r\n",
        "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n",
      })
  void everythingElseGoesDownThePipelineUnchanged(String request) {
    channel = codecOnly();
    feed.onTopChanged(top("global", "all-time", 7, "alice", "bob"));

    send(request);

    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(passedOn).hasSizeGreaterThanOrEqualTo(2); // the request head and its last content
    String firstLine = request.substring(0, request.indexOf('\r'));
    assertThat(((HttpRequest) passedOn.get(0)).uri()).isEqualTo(firstLine.split(" ")[1]);
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrderWhileOneWaitsForBlockingWork() {
    channel = fullPipeline();
    feed.onTopChanged(top("global", "all-time", 7, "alice", "bob"));

    send(
        "GET "
            + TOP
            + " HTTP/1.1\r\nHost: gw\r\n\r\n"
            + "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n"
            + "GET "
            + TOP
            + " HTTP/1.1\r\nHost: gw\r\n\r\n"
            + "GET "
            + TOP
            + " HTTP/1.1\r\nHost: gw\r\nIf-None-Match: \"all-time-7-10-n2\"\r\n\r\n");
    List<FullHttpResponse> first = responses();
    assertThat(first).hasSize(1);
    assertThat(first.get(0).status().code()).isEqualTo(200);
    assertThat(blockingWork).hasSize(1); // the health check's Redis PING

    runBlockingWork();

    List<FullHttpResponse> rest = responses();
    assertThat(rest).extracting(r -> r.status().code()).containsExactly(200, 200, 304);
    assertThat(json(rest.get(0)).path("status").asString()).isEqualTo("UP");
    assertThat(json(rest.get(1)).path("seq").asLong()).isEqualTo(7);
    release(first);
    release(rest);

    // Answered from memory again once nothing is pending.
    send("GET " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n");
    List<FullHttpResponse> last = responses();
    assertThat(last).extracting(r -> r.status().code()).containsExactly(200);
    release(last);
  }

  @Test
  void aRequestWaitingTwiceStillHoldsBackThePipelinedOnesBehindIt() {
    channel = fullPipeline();

    // Not in memory: a load of the board, then a read of the page, one after the other.
    send(
        "GET "
            + TOP
            + "?offset=1 HTTP/1.1\r\nHost: gw\r\n\r\n"
            + "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n");
    blockingWork.remove(0).run(); // the load
    channel.runPendingTasks();

    assertThat(blockingWork).as("only the page read, not yet the health check").hasSize(1);
    assertThat(responses()).isEmpty();

    runBlockingWork();
    List<FullHttpResponse> responses = responses();
    // The page read fails (no ranking in this test): what matters is the order.
    assertThat(responses).extracting(r -> r.status().code()).containsExactly(503, 200);
    release(responses);
  }

  @Test
  void conditionalGetsFollowTheCurrentState() {
    channel = codecOnly();
    feed.onTopChanged(top("global", "all-time", 7, "alice", "bob"));

    send(get("\"all-time-7-10-n2\""));
    send(get("W/\"all-time-7-10-n2\""));
    send(get("\"all-time-6-10-n2\", \"all-time-7-10-n2\""));
    send(get("\"all-time-6-10-n2\""));
    List<FullHttpResponse> responses = responses();
    assertThat(responses).extracting(r -> r.status().code()).containsExactly(304, 304, 304, 200);
    assertThat(responses.get(0).content().readableBytes()).isZero();
    assertThat(responses.get(0).headers().get(HttpHeaderNames.ETAG))
        .isEqualTo("\"all-time-7-10-n2\"");
    release(responses);

    feed.onTopChanged(top("global", "all-time", 8, "bob", "alice"));

    send(get("\"all-time-7-10-n2\""));
    List<FullHttpResponse> changed = responses();
    assertThat(changed).extracting(r -> r.status().code()).containsExactly(200);
    assertThat(changed.get(0).headers().get(HttpHeaderNames.ETAG))
        .isEqualTo("\"all-time-8-10-n2\"");
    JsonNode body = json(changed.get(0));
    assertThat(body.path("seq").asLong()).isEqualTo(8);
    assertThat(body.path("entries").get(0).path("userId").asString()).isEqualTo("bob");
    release(changed);
    assertThat(passedOn).isEmpty();
  }

  @Test
  void headIsAnsweredWithTheLengthButWithoutTheBodyAndTheConnectionStaysUsable() {
    channel = fullPipeline();
    feed.onTopChanged(top("global", "all-time", 7, "alice", "bob"));

    send("HEAD " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n");
    String head = drainText();
    assertThat(head).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\n");
    assertThat(head).containsIgnoringCase("content-length: ").containsIgnoringCase("etag:");
    assertThat(head).doesNotContain("\"entries\"");

    send("GET " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n");
    String get = drainText();
    assertThat(get).startsWith("HTTP/1.1 200 OK\r\n").contains("\"entries\"");
  }

  @Test
  void aBoardNotInMemoryIsLoadedOnceThenServedFromMemory() {
    channel = fullPipeline();

    send("GET " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n");
    assertThat(responses()).isEmpty();
    runBlockingWork(); // the lazy load from the read model
    List<FullHttpResponse> loaded = responses();
    assertThat(loaded).extracting(r -> r.status().code()).containsExactly(200);

    send("GET " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n");
    List<FullHttpResponse> fromMemory = responses();
    assertThat(blockingWork).isEmpty();
    assertThat(fromMemory).extracting(r -> r.status().code()).containsExactly(200);
    assertThat(json(fromMemory.get(0))).isEqualTo(json(loaded.get(0)));
    release(loaded);
    release(fromMemory);
  }

  @Test
  void aClientPipeliningMoreThanTheLimitBehindASlowRequestIsDisconnected() {
    channel = fullPipeline();
    feed.onTopChanged(top("global", "all-time", 7, "alice", "bob"));
    String get = "GET " + TOP + " HTTP/1.1\r\nHost: gw\r\n\r\n";

    String slow = "GET /health HTTP/1.1\r\nHost: gw\r\n\r\n";
    send(slow + get.repeat(HttpFrontEnd.MAX_PIPELINED - 1));
    assertThat(channel.isActive()).isTrue();
    send(get);

    assertThat(channel.isActive()).isFalse();
  }

  /** Codec and fast path, then a handler that records (and releases) whatever gets past them. */
  private EmbeddedChannel codecOnly() {
    EmbeddedChannel ch = new EmbeddedChannel();
    http.addCodec(ch.pipeline(), new HttpDecoderConfig());
    ch.pipeline()
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelRead(ChannelHandlerContext ctx, Object msg) {
                passedOn.add(msg);
                ReferenceCountUtil.release(msg);
              }
            });
    return ch;
  }

  /** The HTTP part of the gateway's pipeline (no WebSocket handlers). */
  private EmbeddedChannel fullPipeline() {
    EmbeddedChannel ch = new EmbeddedChannel();
    http.addCodec(ch.pipeline(), new HttpDecoderConfig());
    ch.pipeline().addLast(new BoundedHttpObjectAggregator(8 * 1024));
    ch.pipeline().addLast(new FlowControlHandler());
    ch.pipeline().addLast(http.router());
    // As the gateway's ConnectionErrorHandler: an error that reaches the end closes the connection.
    ch.pipeline()
        .addLast(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ctx.close();
              }
            });
    return ch;
  }

  private static String get(String ifNoneMatch) {
    return "GET " + TOP + " HTTP/1.1\r\nHost: gw\r\nIf-None-Match: " + ifNoneMatch + "\r\n\r\n";
  }

  private void send(String requests) {
    ByteBuf bytes = Unpooled.copiedBuffer(requests, StandardCharsets.US_ASCII);
    channel.writeInbound(bytes);
    assertThat(bytes.refCnt()).as("request bytes released").isZero();
  }

  private void runBlockingWork() {
    while (!blockingWork.isEmpty()) {
      blockingWork.remove(0).run();
      channel.runPendingTasks();
    }
  }

  /** Everything written so far, decoded as a client would. */
  private List<FullHttpResponse> responses() {
    EmbeddedChannel client =
        new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));
    for (Object written; (written = channel.readOutbound()) != null; ) {
      client.writeInbound(written);
    }
    List<FullHttpResponse> responses = new ArrayList<>();
    for (Object decoded; (decoded = client.readInbound()) != null; ) {
      responses.add((FullHttpResponse) decoded);
    }
    client.finishAndReleaseAll();
    return responses;
  }

  /** Everything written so far as text (for HEAD, which a bare decoder cannot frame). */
  private String drainText() {
    StringBuilder text = new StringBuilder();
    for (ByteBuf written; (written = channel.readOutbound()) != null; ) {
      text.append(written.toString(StandardCharsets.UTF_8));
      written.release();
    }
    return text.toString();
  }

  private static JsonNode json(FullHttpResponse response) {
    return EventJson.fromJson(response.content().toString(StandardCharsets.UTF_8), JsonNode.class);
  }

  private static void release(List<FullHttpResponse> responses) {
    responses.forEach(FullHttpResponse::release);
  }
}
