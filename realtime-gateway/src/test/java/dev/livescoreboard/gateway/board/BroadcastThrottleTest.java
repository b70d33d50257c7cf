package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.json;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.util.concurrent.MockTicker;
import io.netty.util.concurrent.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The leading-edge broadcast throttle, on an embedded event loop with a hand-driven clock. */
class BroadcastThrottleTest {

  private static final Duration INTERVAL = Duration.ofMillis(50);

  private final MockTicker ticker = Ticker.newMockTicker();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EmbeddedChannel channel = EmbeddedChannel.builder().ticker(ticker).build();
  private final List<EmbeddedChannel> others = new ArrayList<>();
  private BoardFeed feed;

  @BeforeEach
  void subscribeAndSettle() {
    feed =
        new BoardFeed(
            new BoardSnapshots(),
            new InMemoryLeaderboardStore().put(top("global", "all-time", 1, "a")),
            new BlockingExecutor(Runnable::run),
            registry.counter("delivered"),
            registry.counter("conflated"),
            INTERVAL,
            channel.eventLoop(),
            new RegistryBoardMeters(registry));
    feed.subscribe(channel, "global");
    assertThat(json(channel.readOutbound()).path("type").asString()).isEqualTo("SNAPSHOT");
    // The lazy load is the subscriber's SNAPSHOT, not a broadcast: the board is still quiet.
    channel.runPendingTasks();
    assertThat((Object) channel.readOutbound()).isNull();
  }

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
    others.forEach(EmbeddedChannel::finishAndReleaseAll);
  }

  @Test
  void firstChangeAfterAQuietIntervalIsBroadcastAtOnce() {
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    channel.runPendingTasks();

    assertThat(seqs(channel)).containsExactly(2L);
  }

  @Test
  void changesWithinTheIntervalAreCoalescedIntoTheLatestStateAtItsEnd() {
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    channel.runPendingTasks();
    assertThat(seqs(channel)).containsExactly(2L);

    advanceMillis(10);
    feed.onTopChanged(top("global", "all-time", 3, "c"));
    feed.onTopChanged(top("global", "all-time", 4, "d"));
    advanceMillis(20);
    feed.onTopChanged(top("global", "all-time", 5, "e"));
    advanceMillis(19);
    assertThat(seqs(channel)).as("nothing before the interval ends").isEmpty();

    advanceMillis(1);
    assertThat(seqs(channel)).containsExactly(5L);
    assertThat(counter("changes")).isEqualTo(4);
    assertThat(counter("broadcasts")).isEqualTo(2);
  }

  @Test
  void quietIntervalAfterATrailingBroadcastSendsNothingMore() {
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    feed.onTopChanged(top("global", "all-time", 3, "c"));
    channel.runPendingTasks();
    advanceMillis(50);
    assertThat(seqs(channel)).containsExactly(3L);

    advanceMillis(500);

    assertThat(seqs(channel)).isEmpty();
  }

  @Test
  void newSubscriberGetsTheLatestStateWhileItsBroadcastIsPending() {
    feed.onTopChanged(top("global", "all-time", 2, "b"));
    channel.runPendingTasks();
    feed.onTopChanged(top("global", "all-time", 3, "c"));
    channel.runPendingTasks();

    EmbeddedChannel late = new EmbeddedChannel();
    others.add(late);
    feed.subscribe(late, "global");

    var snapshot = json(late.readOutbound());
    assertThat(snapshot.path("type").asString()).isEqualTo("SNAPSHOT");
    assertThat(snapshot.path("seq").asLong()).isEqualTo(3);
  }

  @Test
  void steadyStreamIsBroadcastAtMostOncePerIntervalWithGrowingSeqs() {
    List<Long> received = new ArrayList<>();
    for (int seq = 2; seq <= 101; seq++) {
      feed.onTopChanged(top("global", "all-time", seq, "u" + seq));
      advanceMillis(5);
      received.addAll(seqs(channel));
    }
    advanceMillis(50);
    received.addAll(seqs(channel));

    // 100 changes over 500 ms: one broadcast per 50 ms, plus the leading edge.
    assertThat(received).hasSizeLessThanOrEqualTo(500 / 50 + 1).isSorted().doesNotHaveDuplicates();
    assertThat(received.get(0)).isEqualTo(2);
    assertThat(received.get(received.size() - 1)).isEqualTo(101);
  }

  private void advanceMillis(long millis) {
    ticker.advanceMillis(millis);
    channel.runPendingTasks();
  }

  private double counter(String name) {
    return registry.counter(name, "board", "global").count();
  }

  private static List<Long> seqs(EmbeddedChannel channel) {
    List<Long> seqs = new ArrayList<>();
    for (Object frame; (frame = channel.readOutbound()) != null; ) {
      var message = json(frame);
      assertThat(message.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
      seqs.add(message.path("seq").asLong());
    }
    return seqs;
  }
}
