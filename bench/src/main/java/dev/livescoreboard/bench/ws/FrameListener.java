package dev.livescoreboard.bench.ws;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/** Receives every text frame of a client, on its event loop; must not block. */
interface FrameListener {

  /**
   * @param channel the client's channel (a listener may pause or resume its reads)
   * @param json the frame's payload, readable only during the call (not to be released or kept)
   * @param receivedMicros wall-clock epoch micros when the frame was read
   */
  void onText(Channel channel, ByteBuf json, long receivedMicros);
}
