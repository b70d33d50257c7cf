package dev.livescoreboard.command.score;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceParentsTest {

  private final TraceParents traceParents = new TraceParents();

  @Test
  void validHeaderIsPropagated() {
    String header = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    assertThat(traceParents.resolve(header)).isEqualTo(header);
  }

  @Test
  void invalidOrMissingHeaderGetsANewValidOne() {
    for (String bad :
        new String[] {
          null,
          "",
          "garbage",
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
          "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"
        }) {
      String resolved = traceParents.resolve(bad);
      assertThat(resolved).isNotEqualTo(bad);
      assertThat(TraceParents.isValid(resolved)).as(String.valueOf(bad)).isTrue();
    }
  }
}
