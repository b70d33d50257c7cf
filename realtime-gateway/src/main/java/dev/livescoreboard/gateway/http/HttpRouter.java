package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.RequestIds;
import dev.livescoreboard.events.TraceParent;
import dev.livescoreboard.gateway.auth.BearerToken;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.auth.TokenExtractor;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.LeaderboardStore;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.rank.RankReads;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.MDC;

/**
 * Routes plain HTTP requests (everything that is not a WebSocket upgrade) to their endpoint, and
 * answers malformed, unknown or not allowed ones with problem responses. Stateless and shared by
 * all channels; runs on the channel's event loop.
 */
@Sharable
public final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final GatewaySettings settings;
  private final LeaderboardRoutes leaderboards;
  private final BoardListEndpoint boardList;
  private final HealthEndpoint health;
  private final MetricsEndpoint metrics;
  private final StaticPages pages;

  public HttpRouter(
      GatewaySettings settings,
      BoardFeed feed,
      LeaderboardStore store,
      RankReads ranks,
      TokenAuthenticator verifier,
      BlockingExecutor blocking,
      GatewayMetrics gatewayMetrics,
      BooleanSupplier subscriptionUp,
      BoardRegistry registry) {
    this(
        settings,
        feed,
        store,
        ranks,
        verifier,
        blocking,
        gatewayMetrics,
        subscriptionUp,
        registry,
        new TopResponseCache(LeaderboardEndpoint.MAX_LIMIT, Clock.systemUTC()));
  }

  /** A router that shares {@code cache} with the fast path in front of it. */
  HttpRouter(
      GatewaySettings settings,
      BoardFeed feed,
      LeaderboardStore store,
      RankReads ranks,
      TokenAuthenticator verifier,
      BlockingExecutor blocking,
      GatewayMetrics gatewayMetrics,
      BooleanSupplier subscriptionUp,
      BoardRegistry registry,
      TopResponseCache cache) {
    this.settings = settings;
    this.pages = new StaticPages(settings.page());
    this.boardList = new BoardListEndpoint(registry);
    RankReadRunner runner = new RankReadRunner(feed, store, blocking, verifier, registry);
    this.leaderboards =
        new LeaderboardRoutes(
            registry,
            new LeaderboardEndpoint(feed, store, ranks, blocking, registry, settings.topN(), cache),
            new UserRankEndpoint(runner, ranks, registry, settings.topN()),
            new AroundEndpoint(runner, ranks),
            new FriendsEndpoint(runner, ranks),
            new SeasonsEndpoint(registry, blocking));
    this.health = new HealthEndpoint(store, subscriptionUp, blocking);
    this.metrics = new MetricsEndpoint(gatewayMetrics, blocking);
  }

  /** HEAD is answered like GET; Netty's encoder leaves out the body. */
  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    if (request.decoderResult().isFailure()) {
      rejectMalformed(ctx, request.decoderResult().cause());
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    Exchange exchange =
        new Exchange(
            ctx,
            uri.path(),
            uri.parameters(),
            HttpUtil.isKeepAlive(request),
            request.headers().get(HttpHeaderNames.IF_NONE_MATCH),
            origin != null && settings.allowsOrigin(origin) ? origin : null,
            // Only the header: a token in a URL of a plain request ends up in logs and histories.
            TokenExtractor.extract(request)
                .filter(token -> token.source() == BearerToken.Source.AUTHORIZATION_HEADER)
                .orElse(null),
            // Named by the RequestLogContext in front of the router.
            requestId(),
            MDC.get(TraceParent.MDC_KEY));
    if (HttpMethod.OPTIONS.equals(request.method()) && exchange.path().startsWith("/api/")) {
      preflight(exchange);
    } else if (!HttpMethod.GET.equals(request.method())
        && !HttpMethod.HEAD.equals(request.method())) {
      FullHttpResponse response =
          HttpResponses.problem(ErrorCode.METHOD_NOT_ALLOWED, "only GET and HEAD are supported");
      response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
      exchange.respond(response);
    } else {
      route(exchange);
    }
  }

  private static String requestId() {
    String named = MDC.get(RequestIds.MDC_KEY);
    return named != null ? named : RequestIds.newId();
  }

  private void route(Exchange exchange) {
    String path = exchange.path();
    if (path.equals(BoardListEndpoint.PATH)) {
      boardList.handle(exchange);
    } else if (path.startsWith(LeaderboardRoutes.PREFIX)) {
      leaderboards.handle(exchange);
    } else if (path.equals("/health")) {
      health.handle(exchange);
    } else if (path.equals("/metrics")) {
      metrics.handle(exchange);
    } else {
      Optional<FullHttpResponse> page = pages.find(path);
      if (page.isPresent()) {
        exchange.respond(page.get());
      } else {
        exchange.fail(ErrorCode.NOT_FOUND, "no such resource");
      }
    }
  }

  private static void preflight(Exchange exchange) {
    if (exchange.corsOrigin() == null) {
      exchange.fail(ErrorCode.FORBIDDEN, "origin not allowed");
      return;
    }
    FullHttpResponse response = HttpResponses.empty(HttpResponseStatus.NO_CONTENT);
    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET");
    response
        .headers()
        .set(
            HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS,
            // Last-Event-ID: a stream client that sets its own headers resumes with it.
            "Authorization, If-None-Match, Last-Event-ID");
    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
    exchange.respond(response);
  }

  private static void rejectMalformed(ChannelHandlerContext ctx, Throwable cause) {
    ErrorCode code =
        cause instanceof TooLongFrameException
            ? ErrorCode.HEADERS_TOO_LARGE
            : ErrorCode.VALIDATION_FAILED;
    HttpResponses.sendAndClose(ctx, HttpResponses.problem(code, "malformed HTTP request"));
  }
}
