package dev.livescoreboard.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MessageRateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(new MessageRateLimiter(2, 3, metrics, now::get));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
    metrics.close();
  }

  private boolean passes() {
    channel.writeInbound(new TextWebSocketFrame("{\"type\":\"PING\"}"));
    TextWebSocketFrame passed = channel.readInbound();
    if (passed == null) {
      return false;
    }
    passed.release();
    return true;
  }

  @Test
  void theBurstPassesAtOnceAndTheNextMessageGetsAnErrorAndACloseFrame() {
    exceedTheLimit();

    TextWebSocketFrame error = channel.readOutbound();
    assertThat(error.text()).contains("\"type\":\"ERROR\"").contains("\"code\":\"RATE_LIMITED\"");
    error.release();
    CloseWebSocketFrame close = channel.readOutbound();
    assertThat(close.statusCode()).isEqualTo(1008);
    close.release();
  }

  @Test
  void framesAfterTheCloseFrameAreDroppedAndTheClientsCloseFrameClosesTheConnection() {
    exceedTheLimit();

    assertThat(passes()).isFalse();
    assertThat(channel.isOpen()).isTrue();

    channel.writeInbound(new CloseWebSocketFrame(1008, "rate limited"));
    assertThat((Object) channel.readInbound()).isNull();
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void aClientThatNeverAnswersTheCloseFrameIsClosedAfterTheTimeout() {
    exceedTheLimit();

    channel.advanceTimeBy(
        MessageRateLimiter.CLOSE_HANDSHAKE_TIMEOUT.toMillis() - 1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isTrue();
    channel.advanceTimeBy(1, TimeUnit.MILLISECONDS);
    channel.runScheduledPendingTasks();
    assertThat(channel.isOpen()).isFalse();
  }

  private void exceedTheLimit() {
    for (int i = 0; i < 3; i++) {
      assertThat(passes()).isTrue();
    }
    assertThat(passes()).isFalse();
  }

  @Test
  void tokensRefillAtTheRate() {
    for (int i = 0; i < 3; i++) {
      assertThat(passes()).isTrue();
    }
    now.addAndGet(SECOND / 2);

    assertThat(passes()).isTrue();
    assertThat(channel.isOpen()).isTrue();
  }

  @Test
  void aLongQuietSpellRefillsNoMoreThanTheBurst() {
    now.addAndGet(3600 * SECOND);
    for (int i = 0; i < 3; i++) {
      assertThat(passes()).isTrue();
    }

    assertThat(passes()).isFalse();
  }
}
