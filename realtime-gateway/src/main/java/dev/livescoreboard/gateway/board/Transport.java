package dev.livescoreboard.gateway.board;

import io.netty.buffer.ByteBuf;

/**
 * How a channel carries board messages: the same JSON, framed for its protocol. A channel has one
 * transport for its whole life, fixed by {@link ChannelBoards#of(io.netty.channel.Channel,
 * Transport)} before its first subscription.
 */
public enum Transport {
  /** One complete WebSocket text frame per message. */
  WEBSOCKET {
    @Override
    ByteBuf encode(String event, long seq, byte[] json) {
      return WireFrames.textFrame(json);
    }
  },
  /** One Server-Sent Event per message: {@code event:} {@code snapshot} or {@code update}. */
  SSE {
    @Override
    ByteBuf encode(String event, long seq, byte[] json) {
      return SseFrames.event(event, Long.toString(seq), json);
    }
  };

  /** The unreleasable bytes of one message, to be written to any number of channels. */
  abstract ByteBuf encode(String event, long seq, byte[] json);
}
