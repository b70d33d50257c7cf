package dev.livescoreboard.bench.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.http.ActionTally.Outcome;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ActionTallyTest {

  private static final long S = 1_000_000_000L;

  @Test
  void outcomesAddUpToTheIssuedActionsAndOpenOnesCountAsTimedOut() {
    ActionTally tally = new ActionTally(0, Duration.ofSeconds(2), false);
    for (int i = 0; i < 5; i++) {
      tally.issued();
    }
    tally.ended(Outcome.GOOD);
    tally.ended(Outcome.GOOD);
    tally.ended(Outcome.REFUSED);
    tally.ended(Outcome.FAILED);

    ActionResults r = tally.results();

    assertThat(r.issued()).isEqualTo(5);
    assertThat(r.count(Outcome.GOOD)).isEqualTo(2);
    assertThat(r.count(Outcome.REFUSED)).isEqualTo(1);
    assertThat(r.count(Outcome.TIMED_OUT)).as("still open at the end").isEqualTo(1);
    assertThat(r.outcomes().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5);
    assertThat(r.errors()).containsEntry("unanswered after grace", 1L);
    assertThat(r.perSecond(r.issued())).isEqualTo(2.5);
  }

  @Test
  void admittedCompletesAreFiledUnderTheSecondOfTheirIntendedTime() {
    ActionTally tally = new ActionTally(10 * S, Duration.ofMillis(2_500), true);

    tally.completed(10 * S, 1_000, 900);
    tally.completed(11 * S + 1, 2_000, 900);
    tally.completed(12 * S + S / 2, 3_000, 900);
    tally.completed(13 * S, 4_000, 900); // a complete intended just past the span: its last second

    ActionResults r = tally.results();

    assertThat(r.completePerSecond()).hasSize(3);
    assertThat(r.completePerSecond().get(0).getTotalCount()).isEqualTo(1);
    assertThat(r.completePerSecond().get(1).getTotalCount()).isEqualTo(1);
    assertThat(r.completePerSecond().get(2).getTotalCount()).isEqualTo(2);
    assertThat(r.completed()).isEqualTo(4);
    assertThat(r.completeLatency().getTotalCount()).isEqualTo(4);
  }

  @Test
  void theWindowOfAnOrdinaryRunKeepsNoSeconds() {
    ActionTally tally = new ActionTally(0, Duration.ofSeconds(30), false);

    tally.completed(S, 1_000, 900);

    assertThat(tally.results().completePerSecond()).isEmpty();
  }

  @Test
  void ofAnActionsTwoAnswersTheWorseDecides() {
    assertThat(ActionLoad.worse(Outcome.GOOD, Outcome.SLOW)).isEqualTo(Outcome.SLOW);
    assertThat(ActionLoad.worse(Outcome.REFUSED, Outcome.TIMED_OUT)).isEqualTo(Outcome.TIMED_OUT);
    assertThat(ActionLoad.worse(Outcome.GOOD, Outcome.GOOD)).isEqualTo(Outcome.GOOD);
  }
}
