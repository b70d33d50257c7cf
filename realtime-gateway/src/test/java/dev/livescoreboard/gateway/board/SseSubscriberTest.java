package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An SSE channel on the same fan-out as WebSocket ones: its own encoding of the same states, the
 * resume that skips a snapshot the reader has, and the same conflation while it is slow.
 */
class SseSubscriberTest {

  private static final int SLOW = 1;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 5, "a"));
  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(Runnable::run), registry);
  private final EmbeddedChannel sse = channel();
  private final EmbeddedChannel ws = channel();

  @AfterEach
  void finish() {
    sse.finishAndReleaseAll();
    ws.finishAndReleaseAll();
  }

  @Test
  void oneBroadcastReachesEachChannelInItsOwnTransport() {
    ChannelBoards.of(sse, Transport.SSE);
    feed.subscribe(sse, "global");
    feed.subscribe(ws, "global");
    assertThat(text(sse.readOutbound())).startsWith("event: snapshot\nid: 5\n");
    assertThat(Tops.json(ws.readOutbound()).path("type").asString()).isEqualTo("SNAPSHOT");

    feed.onTopChanged(top("global", "all-time", 6, "b"));

    assertThat(text(sse.readOutbound())).startsWith("event: update\nid: 6\n");
    assertThat(Tops.json(ws.readOutbound()).path("seq").asLong()).isEqualTo(6);
  }

  @Test
  void resumingAtTheCurrentSeqSkipsTheSnapshotAndGetsTheNextUpdate() {
    ChannelBoards.of(sse, Transport.SSE);
    feed.subscribe(sse, "global", OptionalLong.of(5));
    assertThat((Object) sse.readOutbound()).isNull();

    feed.onTopChanged(top("global", "all-time", 5, "replayed"));
    feed.onTopChanged(top("global", "all-time", 7, "c"));

    assertThat(text(sse.readOutbound())).startsWith("event: update\nid: 7\n");
    assertThat((Object) sse.readOutbound()).isNull();
  }

  @Test
  void resumingAtAnyOtherSeqGetsAFreshSnapshot() {
    ChannelBoards.of(sse, Transport.SSE);
    feed.subscribe(sse, "global", OptionalLong.of(4));

    assertThat(text(sse.readOutbound())).startsWith("event: snapshot\nid: 5\n");
  }

  @Test
  void aSlowReaderGetsOnlyTheLatestStateOnceWritable() {
    ChannelBoards.of(sse, Transport.SSE);
    feed.subscribe(sse, "global");
    ((ByteBuf) sse.readOutbound()).release();

    slow(true);
    feed.onTopChanged(top("global", "all-time", 6, "b"));
    feed.onTopChanged(top("global", "all-time", 7, "c"));
    assertThat((Object) sse.readOutbound()).isNull();
    slow(false);

    assertThat(text(sse.readOutbound())).startsWith("event: update\nid: 7\n");
    assertThat((Object) sse.readOutbound()).isNull();
    assertThat(registry.counter("conflated").count()).isEqualTo(2);
  }

  private EmbeddedChannel channel() {
    return new EmbeddedChannel(
        new ChannelInboundHandlerAdapter() {
          @Override
          public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            feed.writable(ctx.channel());
          }
        });
  }

  private void slow(boolean slow) {
    sse.unsafe().outboundBuffer().setUserDefinedWritability(SLOW, !slow);
    sse.runPendingTasks();
  }

  private static String text(ByteBuf wire) {
    return wire.toString(StandardCharsets.UTF_8);
  }
}
