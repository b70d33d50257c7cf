package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.events.EventJson;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * The per-connection server messages ({@code SNAPSHOT} and {@code LEADERBOARD_UPDATE} are made once
 * per board state, see {@code BoardState}).
 */
final class ServerMessages {

  /** Close code when the connection's token expires (4000-4999: application codes). */
  static final int CLOSE_TOKEN_EXPIRED = 4001;

  /** Close code when the connection's token is revoked: the same 4001, the token is unusable. */
  static final int CLOSE_TOKEN_REVOKED = 4001;

  private static final byte[] PONG = EventJson.toBytes(new Pong("PONG"));

  private ServerMessages() {}

  static TextWebSocketFrame ack(String connectionId, String userId, long heartbeatSeconds) {
    return frame(new ConnectionAck("CONNECTION_ACK", connectionId, userId, heartbeatSeconds));
  }

  static TextWebSocketFrame error(MessageError code, String message) {
    return frame(new Error("ERROR", code.name(), message));
  }

  static TextWebSocketFrame pong() {
    return new TextWebSocketFrame(Unpooled.wrappedBuffer(PONG));
  }

  private static TextWebSocketFrame frame(Object message) {
    return new TextWebSocketFrame(Unpooled.wrappedBuffer(EventJson.toBytes(message)));
  }

  record ConnectionAck(String type, String connectionId, String userId, long heartbeatSeconds) {}

  record Error(String type, String code, String message) {}

  record Pong(String type) {}
}
