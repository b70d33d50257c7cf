package dev.livescoreboard.gateway.websocket;

import dev.livescoreboard.gateway.personal.PersonalChannel;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import dev.livescoreboard.gateway.personal.PersonalMessage;
import io.micrometer.core.instrument.Counter;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/** A WebSocket connection as a {@link PersonalChannel}: each push is one text frame. */
final class WebSocketPersonalChannel implements PersonalChannel {

  private final Channel channel;
  private final Counter dropped;

  private WebSocketPersonalChannel(Channel channel, Counter dropped) {
    this.channel = channel;
    this.dropped = dropped;
  }

  /** Indexes {@code channel} under {@code userId} until it closes. */
  static void register(PersonalChannels personal, String userId, Channel channel) {
    PersonalChannel adapter = new WebSocketPersonalChannel(channel, personal.dropped());
    personal.register(userId, adapter);
    channel.closeFuture().addListener(closed -> personal.unregister(userId, adapter));
  }

  @Override
  public void push(PersonalMessage message) {
    channel.eventLoop().execute(() -> write(message));
  }

  private void write(PersonalMessage message) {
    if (!channel.isActive()) {
      return;
    }
    if (!channel.isWritable()) {
      dropped.increment();
      return;
    }
    channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(message.json())));
  }
}
