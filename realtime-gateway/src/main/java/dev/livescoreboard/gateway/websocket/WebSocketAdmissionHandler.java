package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.gateway.auth.BearerToken;
import dev.livescoreboard.gateway.auth.InvalidTokenException;
import dev.livescoreboard.gateway.auth.Principal;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.auth.TokenExtractor;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.blocking.ReadHolds;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.http.HttpResponses;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a WebSocket upgrade may proceed, before the handshaker sees it: the Origin must
 * be allowed (else 403), a token must verify (else 401; none at all is fine only with public read),
 * and the user must be under the connection limit (else 429). Verification runs on the blocking
 * executor; the channel reads nothing meanwhile. An admitted request continues down the pipeline
 * with the {@link Principal} attached to the channel.
 */
public final class WebSocketAdmissionHandler extends ChannelInboundHandlerAdapter {

  /** Who holds the connection; set only on admitted channels. */
  static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf("gateway.principal");

  private static final Logger log = LoggerFactory.getLogger(WebSocketAdmissionHandler.class);

  private final GatewaySettings settings;
  private final TokenAuthenticator verifier;
  private final BlockingExecutor blocking;
  private final ConnectionLimiter limiter;
  private final GatewayMetrics metrics;

  public WebSocketAdmissionHandler(
      GatewaySettings settings,
      TokenAuthenticator verifier,
      BlockingExecutor blocking,
      ConnectionLimiter limiter,
      GatewayMetrics metrics) {
    this.settings = settings;
    this.verifier = verifier;
    this.blocking = blocking;
    this.limiter = limiter;
    this.metrics = metrics;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof FullHttpRequest request) || !WebSocketPath.matches(request.uri())) {
      ctx.fireChannelRead(msg);
      return;
    }
    if (request.decoderResult().isFailure()) {
      refuse(ctx, request, ErrorCode.VALIDATION_FAILED, "malformed", "malformed HTTP request");
      return;
    }
    String origin = request.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !settings.allowsOrigin(origin)) {
      refuse(ctx, request, ErrorCode.FORBIDDEN, "origin", "origin not allowed");
      return;
    }
    Optional<BearerToken> token = TokenExtractor.extract(request);
    if (token.isEmpty()) {
      if (settings.publicRead()) {
        admit(ctx, request, Principal.anonymous());
      } else {
        refuse(ctx, request, ErrorCode.UNAUTHORIZED, "missing_token", "a bearer token is required");
      }
      return;
    }
    ReadHolds.hold(ctx.channel());
    Future<Principal> verified =
        blocking.submit(() -> verifier.authenticate(token.get().value()), ctx.executor());
    verified.addListener(
        done -> {
          ReadHolds.release(ctx.channel());
          verified(ctx, request, verified);
        });
  }

  private void verified(ChannelHandlerContext ctx, FullHttpRequest request, Future<Principal> f) {
    if (!ctx.channel().isActive()) {
      request.release();
    } else if (f.isSuccess()) {
      admit(ctx, request, f.getNow());
    } else if (f.cause() instanceof InvalidTokenException invalid) {
      log.info(
          "Refused WebSocket from {}: invalid token ({})",
          ctx.channel().remoteAddress(),
          invalid.getMessage());
      refuse(
          ctx,
          request,
          ErrorCode.UNAUTHORIZED,
          invalid.revoked() ? "revoked_token" : "invalid_token",
          "the token is not valid");
    } else {
      log.warn("Could not verify a token: {}", f.cause().toString());
      request.release();
      HttpResponses.sendAndClose(
          ctx, HttpResponses.problem(ErrorCode.UNAVAILABLE, "cannot verify tokens right now"));
    }
  }

  private void admit(ChannelHandlerContext ctx, FullHttpRequest request, Principal principal) {
    if (!principal.isAnonymous()) {
      String userId = principal.userId();
      if (!limiter.tryAcquire(userId)) {
        metrics.rejectedConnection("per_user");
        request.release();
        HttpResponses.sendAndClose(
            ctx,
            HttpResponses.problem(
                ErrorCode.RATE_LIMITED,
                "a user may hold at most " + limiter.maxPerUser() + " connections"));
        return;
      }
      ctx.channel().closeFuture().addListener(closed -> limiter.release(userId));
    }
    ctx.channel().attr(PRINCIPAL).set(principal);
    ctx.fireChannelRead(request);
  }

  private void refuse(
      ChannelHandlerContext ctx,
      FullHttpRequest request,
      ErrorCode code,
      String reason,
      String detail) {
    metrics.authFailure(reason);
    request.release();
    FullHttpResponse response = HttpResponses.problem(code, detail);
    if (code == ErrorCode.UNAUTHORIZED) {
      response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
    }
    HttpResponses.sendAndClose(ctx, response);
  }
}
