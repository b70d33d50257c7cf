package dev.livescoreboard.gateway.sse;

import dev.livescoreboard.gateway.board.SseFrames;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;

/**
 * The one way a message is written to one SSE stream outside the board fan-out (the board's {@code
 * snapshot} and {@code update} events come pre-encoded from the {@code board} package): the
 * stream's {@code retry:} line, keep-alive comments, and per-connection events such as a reader's
 * own {@code RANK_CHANGED}. Call on the channel's event loop.
 */
final class SseWriter {

  private SseWriter() {}

  /**
   * Sends {@code json} (a message's JSON) in one event named {@code event} (e.g. {@code
   * rank-changed} for a {@code RANK_CHANGED}), without an {@code id:}: only board states carry ids,
   * so the reader's {@code Last-Event-ID} stays the board's seq. Dropped if the channel is not
   * writable: like board updates, nothing is queued for a slow reader.
   *
   * @return whether it was written
   */
  static boolean send(Channel channel, String event, byte[] json) {
    if (!channel.isActive() || !channel.isWritable()) {
      return false;
    }
    channel.writeAndFlush(SseFrames.event(event, null, json), channel.voidPromise());
    return true;
  }

  /** Writes a shared, pre-encoded frame (a duplicate of it) if the channel is writable. */
  static boolean sendShared(Channel channel, ByteBuf frame) {
    if (!channel.isActive() || !channel.isWritable()) {
      return false;
    }
    channel.writeAndFlush(frame.duplicate(), channel.voidPromise());
    return true;
  }
}
