package dev.livescoreboard.projector.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplyOutcomeTest {

  @Test
  void duplicateReplyIsNotApplied() {
    ApplyOutcome outcome = ApplyOutcome.fromReply(List.of("duplicate", 0L));

    assertThat(outcome.applied()).isFalse();
    assertThat(outcome.topChanged()).isFalse();
  }

  @Test
  void appliedReplyWithSeqChangedTheTop() {
    ApplyOutcome outcome =
        ApplyOutcome.fromReply(List.of("applied".getBytes(StandardCharsets.UTF_8), 42L));

    assertThat(outcome).isEqualTo(new ApplyOutcome(true, 42));
    assertThat(outcome.topChanged()).isTrue();
  }

  @Test
  void appliedReplyWithoutSeqLeftTheTopAlone() {
    assertThat(ApplyOutcome.fromReply(List.of("applied", 0L)).topChanged()).isFalse();
  }

  @Test
  void unexpectedReplyIsAnError() {
    assertThatThrownBy(() -> ApplyOutcome.fromReply("OK"))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ApplyOutcome.fromReply(List.of("weird", 1L)))
        .isInstanceOf(IllegalStateException.class);
  }
}
