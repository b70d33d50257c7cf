package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.json;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlowClientConflationTest {

  private static final int SLOW = 1;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Counter conflated = registry.counter("conflated");
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 1, "a"));
  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(Runnable::run), registry);
  private EmbeddedChannel channel;

  @BeforeEach
  void subscribe() {
    channel =
        new EmbeddedChannel(
            new ChannelInboundHandlerAdapter() {
              @Override
              public void channelWritabilityChanged(ChannelHandlerContext ctx) {
                feed.writable(ctx.channel());
              }
            });
    feed.subscribe(channel, "global");
    assertThat(json(channel.readOutbound()).path("type").asString()).isEqualTo("SNAPSHOT");
  }

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void writableSubscriberGetsEveryUpdate() {
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    feed.onTopChanged(top("global", "all-time", 3, "c"));

    assertThat(json(channel.readOutbound()).path("seq").asLong()).isEqualTo(2);
    assertThat(json(channel.readOutbound()).path("seq").asLong()).isEqualTo(3);
    assertThat(conflated.count()).isZero();
  }

  @Test
  void slowSubscriberGetsOnlyTheLatestUpdateOnceWritable() {
    slow(true);
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    feed.onTopChanged(top("global", "all-time", 3, "c"));
    feed.onTopChanged(top("global", "all-time", 4, "d"));
    assertThat((Object) channel.readOutbound()).isNull();
    assertThat(conflated.count()).isEqualTo(3);

    slow(false);

    var update = json(channel.readOutbound());
    assertThat(update.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
    assertThat(update.path("seq").asLong()).isEqualTo(4);
    assertThat(update.path("entries").get(0).path("userId").asString()).isEqualTo("d");
    assertThat((Object) channel.readOutbound()).isNull();
  }

  @Test
  void unsubscribedBoardIsNotCaughtUp() {
    slow(true);
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    feed.unsubscribe(channel, "global");

    slow(false);

    assertThat((Object) channel.readOutbound()).isNull();
  }

  private void slow(boolean slow) {
    channel.unsafe().outboundBuffer().setUserDefinedWritability(SLOW, !slow);
    // Netty announces the change through the event loop.
    channel.runPendingTasks();
  }
}
