package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.gateway.auth.LiveConnections;
import dev.livescoreboard.gateway.auth.Principal;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The life of one WebSocket connection after the handshake: {@code CONNECTION_ACK}, the
 * subscription named by the {@code board} query parameter, the user's personal pushes, closing with
 * 4001 when the token expires or is revoked (registered with {@link LiveConnections}), catching a
 * slow client up when it drains, and cleaning up when it closes. Stateless and shared; runs on the
 * channel's event loop.
 */
@Sharable
public final class WebSocketSessionHandler extends ChannelInboundHandlerAdapter {

  private final Subscriptions subscriptions;
  private final ChannelGroup connections;
  private final LiveConnections live;
  private final long heartbeatSeconds;
  private final PersonalChannels personal;

  /**
   * @param connections every open WebSocket (gauge and shutdown)
   * @param live the authenticated connections a revocation closes
   * @param personal where an authenticated connection registers for its user's personal pushes
   */
  public WebSocketSessionHandler(
      Subscriptions subscriptions,
      ChannelGroup connections,
      LiveConnections live,
      Duration heartbeat,
      PersonalChannels personal) {
    this.subscriptions = subscriptions;
    this.connections = connections;
    this.live = live;
    this.heartbeatSeconds = heartbeat.toSeconds();
    this.personal = personal;
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof HandshakeComplete handshake) {
      start(ctx.channel(), handshake);
    }
    super.userEventTriggered(ctx, evt);
  }

  private void start(Channel channel, HandshakeComplete handshake) {
    Principal principal = channel.attr(WebSocketAdmissionHandler.PRINCIPAL).get();
    if (principal == null) {
      // Only admitted requests reach the handshaker; anything else is a wiring bug.
      channel
          .writeAndFlush(
              new CloseWebSocketFrame(WebSocketCloseStatus.POLICY_VIOLATION, "not admitted"))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    connections.add(channel);
    channel.writeAndFlush(
        ServerMessages.ack(UUID.randomUUID().toString(), principal.userId(), heartbeatSeconds));
    if (!principal.isAnonymous()) {
      WebSocketPersonalChannel.register(personal, principal.userId(), channel);
    }
    String board = initialBoard(handshake.requestUri());
    if (BoardIds.isValidBoard(board)) {
      subscriptions.subscribe(channel, board);
    } else {
      channel.writeAndFlush(
          ServerMessages.error(
              MessageError.INVALID_BOARD, "board must match " + BoardIds.BOARD_PATTERN));
    }
    if (principal.expiresAt() != null) {
      closeWhenExpired(channel, principal.expiresAt());
    }
    live.register(channel, principal, () -> closeRevoked(channel));
  }

  private static void closeRevoked(Channel channel) {
    channel
        .writeAndFlush(new CloseWebSocketFrame(ServerMessages.CLOSE_TOKEN_REVOKED, "token revoked"))
        .addListener(ChannelFutureListener.CLOSE);
  }

  private static String initialBoard(String requestUri) {
    List<String> boards = new QueryStringDecoder(requestUri).parameters().get("board");
    return boards == null || boards.isEmpty() ? BoardIds.DEFAULT_BOARD : boards.get(0);
  }

  private static void closeWhenExpired(Channel channel, Instant expiresAt) {
    long delay = Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis());
    ScheduledFuture<?> expiry =
        channel
            .eventLoop()
            .schedule(
                () -> {
                  channel
                      .writeAndFlush(
                          new CloseWebSocketFrame(
                              ServerMessages.CLOSE_TOKEN_EXPIRED, "token expired"))
                      .addListener(ChannelFutureListener.CLOSE);
                },
                delay,
                TimeUnit.MILLISECONDS);
    channel.closeFuture().addListener(closed -> expiry.cancel(false));
  }

  @Override
  public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
    if (ctx.channel().isWritable()) {
      subscriptions.writable(ctx.channel());
    }
    super.channelWritabilityChanged(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    subscriptions.closed(ctx.channel());
    super.channelInactive(ctx);
  }
}
