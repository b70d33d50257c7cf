package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.EventJson;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Handles client messages: {@code SUBSCRIBE {board}}, {@code UNSUBSCRIBE {board}}, {@code PING}.
 * Anything else gets an {@code ERROR {code, message}} and the connection stays open. Control frames
 * never get here (the protocol handler answers pings and closes). Stateless and shared.
 */
@Sharable
public final class ClientMessageHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

  private final Subscriptions subscriptions;

  public ClientMessageHandler(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    // Fragments arrive joined (FragmentAggregator), so only binary messages are left to refuse.
    if (!(frame instanceof TextWebSocketFrame text)) {
      reply(ctx, MessageError.UNSUPPORTED_FRAME, "send each message as JSON text");
      return;
    }
    JsonNode message = parse(text.text());
    JsonNode type = message == null ? null : message.get("type");
    if (type == null || !type.isString()) {
      reply(ctx, MessageError.MALFORMED_MESSAGE, "a message is a JSON object with a string type");
      return;
    }
    switch (type.asString()) {
      case "PING" -> ctx.writeAndFlush(ServerMessages.pong());
      case "SUBSCRIBE" ->
          withBoard(ctx, message, board -> subscriptions.subscribe(ctx.channel(), board));
      case "UNSUBSCRIBE" ->
          withBoard(ctx, message, board -> subscriptions.unsubscribe(ctx.channel(), board));
      default ->
          reply(
              ctx, MessageError.UNKNOWN_MESSAGE_TYPE, "known types: SUBSCRIBE, UNSUBSCRIBE, PING");
    }
  }

  private static void withBoard(
      ChannelHandlerContext ctx, JsonNode message, Consumer<String> action) {
    JsonNode board = message.get("board");
    if (board == null || !board.isString() || !BoardIds.isValidBoard(board.asString())) {
      reply(ctx, MessageError.INVALID_BOARD, "board must match " + BoardIds.BOARD_PATTERN);
      return;
    }
    action.accept(board.asString());
  }

  private static JsonNode parse(String text) {
    try {
      JsonNode node = EventJson.fromJson(text, JsonNode.class);
      return node != null && node.isObject() ? node : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static void reply(ChannelHandlerContext ctx, MessageError code, String message) {
    ctx.writeAndFlush(ServerMessages.error(code, message));
  }
}
