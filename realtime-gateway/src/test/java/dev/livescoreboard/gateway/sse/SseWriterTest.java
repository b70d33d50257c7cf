package dev.livescoreboard.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.EventJson;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseWriterTest {

  private static final int SLOW = 1;

  record Ping(String type, int n) {}

  @Test
  void aMessageIsOneEventWithItsJsonAndNoId() {
    EmbeddedChannel channel = new EmbeddedChannel();

    assertThat(
            SseWriter.send(channel, "rank-changed", EventJson.toBytes(new Ping("RANK_CHANGED", 3))))
        .isTrue();

    ByteBuf sent = channel.readOutbound();
    assertThat(sent.toString(StandardCharsets.UTF_8))
        .isEqualTo("event: rank-changed\ndata: {\"type\":\"RANK_CHANGED\",\"n\":3}\n\n");
    channel.finishAndReleaseAll();
  }

  @Test
  void nothingIsQueuedForASlowReader() {
    EmbeddedChannel channel = new EmbeddedChannel();
    channel.unsafe().outboundBuffer().setUserDefinedWritability(SLOW, false);

    assertThat(
            SseWriter.send(channel, "rank-changed", EventJson.toBytes(new Ping("RANK_CHANGED", 1))))
        .isFalse();

    assertThat((Object) channel.readOutbound()).isNull();
    channel.finishAndReleaseAll();
  }
}
