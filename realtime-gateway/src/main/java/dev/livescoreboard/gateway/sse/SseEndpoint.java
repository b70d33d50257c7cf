package dev.livescoreboard.gateway.sse;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.auth.BearerToken;
import dev.livescoreboard.gateway.auth.InvalidTokenException;
import dev.livescoreboard.gateway.auth.LiveConnections;
import dev.livescoreboard.gateway.auth.Principal;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.auth.TokenExtractor;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.blocking.ReadHolds;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.SseFrames;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.config.SseSettings;
import dev.livescoreboard.gateway.http.HttpResponses;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import dev.livescoreboard.gateway.registry.BoardRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admits {@code GET /api/v1/leaderboards/{board}/stream} before the router sees it: the method, the
 * {@code Origin}, the board id, whether a token is needed and the per-address limit are checked on
 * the event loop in that order (cheapest refusals first), then the token is verified and the board
 * looked up in one blocking task, while the channel reads nothing. An admitted request becomes an
 * {@link SseStreamStart}. Every refusal is a problem response that closes the connection. Stateless
 * and shared; runs on the channel's event loop.
 */
@Sharable
public final class SseEndpoint extends ChannelInboundHandlerAdapter {

  /**
   * Who reads the stream, {@link Principal#anonymous()} without a token. The same key as WebSocket
   * channels' ({@code AttributeKey.valueOf} yields one key per name), so code that serves a user's
   * own connections reads it alike from both.
   */
  public static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf("gateway.principal");

  /** A full address clears within seconds once one of its readers goes away. */
  private static final int RETRY_AFTER_SECONDS = 5;

  private static final Logger log = LoggerFactory.getLogger(SseEndpoint.class);

  private final GatewaySettings settings;
  private final TokenAuthenticator verifier;
  private final BlockingExecutor blocking;
  private final BoardRegistry registry;
  private final GatewayMetrics metrics;
  private final StreamsPerAddress perAddress;
  private final SseStreamStart start;

  /**
   * @param streams every open stream (gauge and shutdown)
   */
  public SseEndpoint(
      GatewaySettings settings,
      BoardFeed feed,
      PersonalChannels personal,
      BoardRegistry registry,
      LiveConnections live,
      TokenAuthenticator verifier,
      BlockingExecutor blocking,
      GatewayMetrics metrics,
      ChannelGroup streams) {
    SseSettings sse = settings.sse();
    this.settings = settings;
    this.verifier = verifier;
    this.blocking = blocking;
    this.registry = registry;
    this.metrics = metrics;
    this.perAddress = new StreamsPerAddress(sse.maxStreamsPerAddress());
    ByteBuf retry = SseFrames.retry(sse.retry().toMillis());
    ByteBuf keepAlive = SseFrames.comment("keep-alive");
    this.start =
        new SseStreamStart(feed, personal, live, streams, retry, keepAlive, sse.keepAlive());
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request)
        || request.decoderResult().isFailure()
        // The router answers the CORS preflight, as for every /api/ path.
        || HttpMethod.OPTIONS.equals(request.method())) {
      ctx.fireChannelRead(msg);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String board = StreamPath.board(uri.path());
    if (board == null) {
      ctx.fireChannelRead(msg);
      return;
    }
    try {
      admit(ctx, request, board);
    } finally {
      request.release();
    }
  }

  private void admit(ChannelHandlerContext ctx, FullHttpRequest request, String board) {
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    String corsOrigin = origin != null && settings.allowsOrigin(origin) ? origin : null;
    if (!HttpMethod.GET.equals(request.method())) {
      FullHttpResponse response =
          HttpResponses.problem(ErrorCode.METHOD_NOT_ALLOWED, "a stream is opened with GET");
      response.headers().set(HttpHeaderNames.ALLOW, "GET");
      refuse(ctx, corsOrigin, response);
      return;
    }
    if (origin != null && corsOrigin == null) {
      metrics.authFailure("origin");
      refuse(ctx, null, HttpResponses.problem(ErrorCode.FORBIDDEN, "origin not allowed"));
      return;
    }
    if (!BoardIds.isValidBoard(board)) {
      refuse(
          ctx,
          corsOrigin,
          HttpResponses.problem(
              ErrorCode.VALIDATION_FAILED, "board must match " + BoardIds.BOARD_PATTERN));
      return;
    }
    // EventSource cannot set headers, so a browser's token comes in the query; other clients
    // send the header. The WebSocket subprotocol pair means nothing here.
    Optional<BearerToken> token =
        TokenExtractor.extract(request).filter(t -> t.source() != BearerToken.Source.SUBPROTOCOL);
    if (token.isEmpty() && !settings.publicRead()) {
      metrics.authFailure("missing_token");
      refuse(ctx, corsOrigin, unauthorized("a bearer token is required"));
      return;
    }
    InetAddress address = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress();
    if (!perAddress.tryAcquire(address)) {
      metrics.rejectedConnection("per_address");
      FullHttpResponse response =
          HttpResponses.problem(
              ErrorCode.RATE_LIMITED,
              "an address may hold at most " + perAddress.max() + " open streams");
      response.headers().set(HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS);
      refuse(ctx, corsOrigin, response);
      return;
    }
    ctx.channel().closeFuture().addListener(closed -> perAddress.release(address));
    OptionalLong lastSeq = lastEventId(request.headers().get("Last-Event-ID"));
    ReadHolds.hold(ctx.channel());
    Future<Admission> checked =
        blocking.submit(() -> check(token.orElse(null), board), ctx.executor());
    checked.addListener(
        done -> {
          ReadHolds.release(ctx.channel());
          checked(ctx, board, corsOrigin, lastSeq, checked);
        });
  }

  /** Blocking: the one place a stream's token is verified and its board looked up. */
  private Admission check(BearerToken token, String board) {
    Principal principal;
    if (token == null) {
      principal = Principal.anonymous();
    } else {
      try {
        principal = verifier.authenticate(token.value());
      } catch (InvalidTokenException e) {
        return new Admission(null, false, e.getMessage());
      }
    }
    return new Admission(principal, registry.lookup(board).isPresent(), null);
  }

  private void checked(
      ChannelHandlerContext ctx,
      String board,
      String corsOrigin,
      OptionalLong lastSeq,
      Future<Admission> checked) {
    if (!ctx.channel().isActive()) {
      return;
    }
    if (!checked.isSuccess()) {
      log.warn("Could not open a stream of {}: {}", board, checked.cause().toString());
      refuse(
          ctx,
          corsOrigin,
          HttpResponses.problem(ErrorCode.UNAVAILABLE, "the stream is temporarily unavailable"));
      return;
    }
    Admission admission = checked.getNow();
    if (admission.principal() == null) {
      log.info(
          "Refused stream from {}: invalid token ({})",
          ctx.channel().remoteAddress(),
          admission.invalidToken());
      metrics.authFailure("invalid_token");
      refuse(ctx, corsOrigin, unauthorized("the token is not valid"));
    } else if (!admission.boardKnown()) {
      refuse(
          ctx, corsOrigin, HttpResponses.problem(ErrorCode.BOARD_NOT_FOUND, "no board " + board));
    } else {
      start.start(ctx, board, admission.principal(), corsOrigin, lastSeq);
    }
  }

  /** The resumed seq from {@code Last-Event-ID}; anything but a plain seq means none. */
  static OptionalLong lastEventId(String header) {
    if (header == null || header.isEmpty() || header.length() > 19) {
      return OptionalLong.empty();
    }
    for (int i = 0; i < header.length(); i++) {
      if (header.charAt(i) < '0' || header.charAt(i) > '9') {
        return OptionalLong.empty();
      }
    }
    try {
      return OptionalLong.of(Long.parseLong(header));
    } catch (NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  private static FullHttpResponse unauthorized(String detail) {
    FullHttpResponse response = HttpResponses.problem(ErrorCode.UNAUTHORIZED, detail);
    response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
    return response;
  }

  private static void refuse(ChannelHandlerContext ctx, String corsOrigin, FullHttpResponse r) {
    if (corsOrigin != null) {
      r.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigin);
      r.headers().add(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
    }
    HttpResponses.sendAndClose(ctx, r);
  }

  /**
   * @param principal the reader, or {@code null} if the token is invalid
   * @param boardKnown whether the board exists
   * @param invalidToken why the token was refused, for the log
   */
  private record Admission(Principal principal, boolean boardKnown, String invalidToken) {}
}
