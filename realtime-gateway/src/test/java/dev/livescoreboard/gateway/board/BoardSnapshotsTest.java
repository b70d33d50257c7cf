package dev.livescoreboard.gateway.board;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.TopNChanged;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BoardSnapshotsTest {

  private final BoardSnapshots snapshots = new BoardSnapshots();

  @Test
  void firstStateOfABoardIsKept() {
    assertThat(snapshots.apply(top("global", "all-time", 5, "a"))).isPresent();
    assertThat(snapshots.current("global"))
        .hasValueSatisfying(s -> assertThat(s.top().seq()).isEqualTo(5));
  }

  @Test
  void higherSeqReplacesAndMayJump() {
    snapshots.apply(top("global", "all-time", 5, "a"));
    assertThat(snapshots.apply(top("global", "all-time", 9, "b"))).isPresent();
    assertThat(snapshots.current("global").orElseThrow().top().entries().get(0).userId())
        .isEqualTo("b");
  }

  @Test
  void staleOrRepeatedSeqIsIgnored() {
    snapshots.apply(top("global", "all-time", 5, "a"));
    assertThat(snapshots.apply(top("global", "all-time", 4, "b"))).isEmpty();
    assertThat(snapshots.apply(top("global", "all-time", 5, "c"))).isEmpty();
    assertThat(snapshots.current("global").orElseThrow().top().entries().get(0).userId())
        .isEqualTo("a");
  }

  /**
   * The projector's republish of a state whose board size alone changed replaces the known state,
   * keeping its entries and changes, but is no new state to broadcast.
   */
  @Test
  void theSameStateWithAnotherSizeReplacesItWithoutCountingAsNew() {
    TopNChanged known = top("global", "all-time", 5, "a", "b");
    snapshots.apply(known);

    Optional<BoardState> resized =
        snapshots.apply(
            new TopNChanged("global", "all-time", 5, 7, known.entries(), List.of(), null, null));

    assertThat(resized).isEmpty();
    assertThat(snapshots.current("global").orElseThrow().top()).isEqualTo(known.withTotalUsers(7));
  }

  @Test
  void newerSeasonWinsEvenWithLowerSeq() {
    snapshots.apply(top("daily", "2026-11-23", 500, "a"));
    assertThat(snapshots.apply(top("daily", "2026-11-24", 1, "b"))).isPresent();
    assertThat(snapshots.current("daily").orElseThrow().top().season()).isEqualTo("2026-11-24");
  }

  @Test
  void olderSeasonIsIgnored() {
    snapshots.apply(top("daily", "2026-11-24", 1, "a"));
    assertThat(snapshots.apply(top("daily", "2026-11-23", 900, "b"))).isEmpty();
    assertThat(snapshots.current("daily").orElseThrow().top().season()).isEqualTo("2026-11-24");
  }

  @Test
  void seasonsAreComparedByStartNotAsStrings() {
    snapshots.apply(top("reset", "all-time", 500, "a"));
    // "all-time" is the greater string, yet the dated season starts later.
    assertThat(snapshots.apply(top("reset", "2026-12-03", 1, "b"))).isPresent();
    assertThat(snapshots.apply(top("reset", "2026-12-03-r10", 1, "c"))).isPresent();
    // "2026-12-03-r9" is the greater string, yet r10 started after it.
    assertThat(snapshots.apply(top("reset", "2026-12-03-r9", 900, "d"))).isEmpty();
    assertThat(snapshots.current("reset").orElseThrow().top().season()).isEqualTo("2026-12-03-r10");
  }

  @Test
  void boardsAreIndependent() {
    snapshots.apply(top("one", "all-time", 10, "a"));
    assertThat(snapshots.apply(top("two", "all-time", 1, "b"))).isPresent();
    assertThat(snapshots.boards()).containsExactlyInAnyOrder("one", "two");
  }

  @Test
  void framesAreEncodedOnceAndShared() {
    BoardState state = snapshots.apply(top("global", "all-time", 3, "a")).orElseThrow();
    ByteBuf first = state.updateWire(Transport.WEBSOCKET);
    ByteBuf second = state.updateWire(Transport.WEBSOCKET);
    // A byte changed through one duplicate shows through the other: the same memory.
    int payloadStart = first.readerIndex() + 2;
    first.setByte(payloadStart, 'X');
    assertThat(second.getByte(payloadStart)).isEqualTo((byte) 'X');
    assertThat(Tops.json(state.snapshotWire(Transport.WEBSOCKET)).path("type").asString())
        .isEqualTo("SNAPSHOT");
    assertThat(Tops.json(state.snapshotWire(Transport.WEBSOCKET)).path("seq").asLong())
        .isEqualTo(3);
  }
}
