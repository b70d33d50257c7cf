package dev.livescoreboard.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler.HandshakeComplete;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HeartbeatHandlerTest {

  private final EmbeddedChannel channel =
      new EmbeddedChannel(new HeartbeatHandler(Duration.ofSeconds(30)));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void upgradedConnectionIsPingedEveryHeartbeat() {
    channel
        .pipeline()
        .fireUserEventTriggered(new HandshakeComplete("/ws", EmptyHttpHeaders.INSTANCE, null));

    channel.advanceTimeBy(29, TimeUnit.SECONDS);
    channel.runScheduledPendingTasks();
    assertThat((Object) channel.readOutbound()).isNull();

    for (int beat = 0; beat < 2; beat++) {
      channel.advanceTimeBy(30, TimeUnit.SECONDS);
      channel.runScheduledPendingTasks();
      Object ping = channel.readOutbound();
      assertThat(ping).isInstanceOf(PingWebSocketFrame.class);
      ReferenceCountUtil.release(ping);
    }
  }

  @Test
  void silentUpgradedConnectionIsClosedWithGoingAway() {
    channel
        .pipeline()
        .fireUserEventTriggered(new HandshakeComplete("/ws", EmptyHttpHeaders.INSTANCE, null));

    channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);

    CloseWebSocketFrame close = channel.readOutbound();
    try {
      assertThat(close.statusCode()).isEqualTo(1001);
    } finally {
      close.release();
    }
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void idlePlainHttpConnectionIsClosedWithoutAFrame() {
    channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(channel.isOpen()).isFalse();
  }
}
