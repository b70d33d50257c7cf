package dev.livescoreboard.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlowClientResultsTest {

  @Test
  void lineRoundTripsBetweenChildAndParent() {
    SlowClientResults r = new SlowClientResults(100, 99, 98, 97, 96, 5000, 123_456, 9_999, 42);

    assertThat(SlowClientResults.parse(r.toLine())).isEqualTo(r);
    assertThatThrownBy(() -> SlowClientResults.parse("SEQ 1 2 3")).hasMessageContaining("SLOW");
  }

  @Test
  void processesAddUpAndTheSlowestCatchUpWins() {
    SlowClientResults a = new SlowClientResults(50, 50, 50, 50, 50, 1000, 50_000, 4_000, 40);
    SlowClientResults b = new SlowClientResults(50, 50, 50, 48, 48, 900, 96_000, 7_000, 42);

    SlowClientResults sum = SlowClientResults.none(41).plus(a).plus(b);

    assertThat(sum)
        .isEqualTo(new SlowClientResults(100, 100, 100, 98, 98, 1900, 146_000, 7_000, 42));
    assertThat(sum.catchUpMeanMicros()).isEqualTo(146_000 / 98.0);
    assertThat(sum.framesPerClient()).isEqualTo(1900 / 98.0);
    assertThat(SlowClientResults.none(1).catchUpMeanMicros()).isZero();
  }

  @Test
  void slowClientsSpreadOverProcessesLikeTheOthers() {
    assertThat(WebSocketFleet.share(200, 3, 0)).isEqualTo(67);
    assertThat(WebSocketFleet.share(200, 3, 1)).isEqualTo(67);
    assertThat(WebSocketFleet.share(200, 3, 2)).isEqualTo(66);
    assertThat(WebSocketFleet.share(0, 2, 1)).isZero();
  }
}
