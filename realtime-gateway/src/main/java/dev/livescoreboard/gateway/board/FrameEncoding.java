package dev.livescoreboard.gateway.board;

import dev.livescoreboard.events.EventJson;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * What is written to a subscriber for a board state, chosen once at startup by the {@code
 * sharedFrame} fan-out switch. Each call returns a new message that the channel owns.
 */
enum FrameEncoding {

  /** A duplicate of the state's one pre-encoded frame: no per-subscriber serializing or framing. */
  SHARED {
    @Override
    Object update(BoardState state) {
      return state.updateWire();
    }

    @Override
    Object snapshot(BoardState state) {
      return state.snapshotWire();
    }
  },

  /** JSON serialized per subscriber, in a fresh frame its channel encodes: the "before". */
  PER_CLIENT {
    @Override
    Object update(BoardState state) {
      return frame(state.updateMessage());
    }

    @Override
    Object snapshot(BoardState state) {
      return frame(state.snapshotMessage());
    }
  };

  static FrameEncoding of(boolean sharedFrame) {
    return sharedFrame ? SHARED : PER_CLIENT;
  }

  abstract Object update(BoardState state);

  abstract Object snapshot(BoardState state);

  private static TextWebSocketFrame frame(Object message) {
    return new TextWebSocketFrame(Unpooled.wrappedBuffer(EventJson.toBytes(message)));
  }
}
