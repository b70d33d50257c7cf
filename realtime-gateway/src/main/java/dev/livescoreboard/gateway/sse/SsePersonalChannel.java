package dev.livescoreboard.gateway.sse;

import dev.livescoreboard.gateway.personal.PersonalChannel;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import dev.livescoreboard.gateway.personal.PersonalMessage;
import io.micrometer.core.instrument.Counter;
import io.netty.channel.Channel;

/**
 * An SSE stream as a {@link PersonalChannel}: each push is one {@value #EVENT} event. A stream is
 * about the one board its URL names, so it carries only that board's rank changes (a WebSocket,
 * which may watch several boards, carries every board's).
 */
final class SsePersonalChannel implements PersonalChannel {

  /** The SSE event name of a {@code RANK_CHANGED} (docs/asyncapi.yaml). */
  static final String EVENT = "rank-changed";

  private final Channel channel;
  private final String board;
  private final Counter dropped;

  private SsePersonalChannel(Channel channel, String board, Counter dropped) {
    this.channel = channel;
    this.board = board;
    this.dropped = dropped;
  }

  /** Indexes the stream {@code channel} of {@code board} under {@code userId} until it closes. */
  static void register(PersonalChannels personal, String userId, String board, Channel channel) {
    PersonalChannel adapter = new SsePersonalChannel(channel, board, personal.dropped());
    personal.register(userId, adapter);
    channel.closeFuture().addListener(closed -> personal.unregister(userId, adapter));
  }

  @Override
  public void push(PersonalMessage message) {
    if (!board.equals(message.change().board())) {
      return;
    }
    channel.eventLoop().execute(() -> write(message));
  }

  private void write(PersonalMessage message) {
    if (channel.isActive() && !SseWriter.send(channel, EVENT, message.json())) {
      dropped.increment();
    }
  }
}
