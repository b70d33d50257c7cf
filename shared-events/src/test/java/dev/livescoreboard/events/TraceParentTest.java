package dev.livescoreboard.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TraceParentTest {

  private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void aValidHeaderIsKeptAsItIsAndNamesItsTrace() {
    TraceParent parsed = TraceParent.resolve(VALID);

    assertThat(parsed.value()).isEqualTo(VALID);
    assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void invalidOrMissingHeadersAreNotParsedAndGetANewTrace() {
    for (String bad :
        new String[] {
          null,
          "",
          "garbage",
          "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
          "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
          "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g",
          "00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
          VALID + "-extra"
        }) {
      assertThat(TraceParent.parse(bad)).as(String.valueOf(bad)).isNull();
      TraceParent resolved = TraceParent.resolve(bad);
      assertThat(resolved.value()).isNotEqualTo(bad);
      assertThat(TraceParent.isValid(resolved.value())).isTrue();
    }
  }

  @Test
  void newTracesAreValidUnsampledAndDistinct() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      TraceParent root = TraceParent.newRoot();
      assertThat(root.value()).endsWith("-00");
      ids.add(root.traceId());
    }
    assertThat(ids).hasSize(1000);
  }

  @Test
  void anInvalidValueIsNoTraceParent() {
    assertThatThrownBy(() -> new TraceParent("garbage"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
