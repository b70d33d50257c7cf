package dev.livescoreboard.gateway.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.RankChanged;
import dev.livescoreboard.events.RanksChanged;
import dev.livescoreboard.gateway.personal.PersonalChannels;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketPersonalChannelTest {

  private static final RanksChanged AMY_PASSED =
      new RanksChanged(
          "global",
          "all-time",
          List.of(new RankChanged("global", "all-time", "amy", 1, 2, 30, true, "dave")));

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Counter dropped = registry.counter("dropped");
  private final PersonalChannels personal =
      new PersonalChannels(registry.counter("pushed"), dropped);
  private final EmbeddedChannel channel = new EmbeddedChannel();

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void pushIsOneTextFrameWrittenOnTheChannelsLoop() {
    WebSocketPersonalChannel.register(personal, "amy", channel);

    personal.deliver(AMY_PASSED);
    assertThat((Object) channel.readOutbound()).as("nothing before the loop runs").isNull();
    channel.runPendingTasks();

    TextWebSocketFrame frame = channel.readOutbound();
    try {
      assertThat(frame.text()).startsWith("{\"type\":\"RANK_CHANGED\"").contains("\"dave\"");
    } finally {
      frame.release();
    }
  }

  @Test
  void notWritableConnectionDropsThePushInsteadOfQueueingIt() {
    channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
    WebSocketPersonalChannel.register(personal, "amy", channel);
    channel.write(Unpooled.wrappedBuffer(new byte[64]));
    assertThat(channel.isWritable()).isFalse();

    personal.deliver(AMY_PASSED);
    channel.runPendingTasks();
    channel.flush();

    ByteBuf pending = channel.readOutbound();
    pending.release();
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(dropped.count()).isEqualTo(1);
  }

  @Test
  void closedConnectionLeavesTheIndex() {
    WebSocketPersonalChannel.register(personal, "amy", channel);

    channel.close();

    assertThat(personal.users()).isZero();
  }
}
