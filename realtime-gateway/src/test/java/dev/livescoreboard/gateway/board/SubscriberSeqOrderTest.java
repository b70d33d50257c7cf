package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.json;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A channel is only ever sent states newer than the last one it got, SNAPSHOT included. */
class SubscriberSeqOrderTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryLeaderboardStore store = new InMemoryLeaderboardStore();
  private final BoardFeed feed =
      TestFeeds.immediate(store, new BlockingExecutor(Runnable::run), registry);
  private final EmbeddedChannel channel = new EmbeddedChannel();

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
  }

  @Test
  void boardWithoutDataGetsItsFirstStateWhateverItsSeason() {
    feed.subscribe(channel, "daily");
    var empty = json(channel.readOutbound());
    assertThat(empty.path("type").asString()).isEqualTo("SNAPSHOT");
    assertThat(empty.path("season").asString()).isEqualTo("all-time");

    // The stand-in's season is made up: the first real state goes out whatever its season.
    feed.onTopChanged(top("daily", "2026-11-24", 1, "a"));

    var first = json(channel.readOutbound());
    assertThat(first.path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
    assertThat(first.path("season").asString()).isEqualTo("2026-11-24");
  }

  @Test
  void stateNotNewerThanTheSnapshotIsNeverSentAgain() {
    store.put(top("global", "all-time", 5, "a"));
    feed.subscribe(channel, "global");
    assertThat(json(channel.readOutbound()).path("seq").asLong()).isEqualTo(5);
    ChannelBoards boards = ChannelBoards.of(channel);

    assertThat(boards.wireFor("global", BoardState.of(top("global", "all-time", 4, "x")))).isNull();
    assertThat(boards.wireFor("global", BoardState.of(top("global", "all-time", 5, "x")))).isNull();
    assertThat(boards.wireFor("global", BoardState.of(top("global", "all-time", 6, "x"))))
        .isNotNull();
    assertThat(boards.wireFor("global", BoardState.of(top("global", "all-time", 6, "x"))))
        .as("sent already")
        .isNull();
    assertThat(boards.wireFor("other", BoardState.of(top("other", "all-time", 9, "x"))))
        .as("not subscribed")
        .isNull();
  }
}
