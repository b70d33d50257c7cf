package dev.livescoreboard.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseLineParserTest {

  private final SseLineParser parser = new SseLineParser();

  private List<SseEvent> feed(String... lines) {
    List<SseEvent> events = new ArrayList<>();
    for (String line : lines) {
      parser.line(line).ifPresent(events::add);
    }
    return events;
  }

  @Test
  void aBlankLineDispatchesTheEventWithItsNameIdAndData() {
    assertThat(feed("retry: 2000", "", "event: snapshot", "id: 7", "data: {\"seq\":7}", ""))
        .containsExactly(new SseEvent("snapshot", "7", "{\"seq\":7}"));
  }

  @Test
  void dataLinesJoinWithNewlinesAndOnlyOneLeadingSpaceIsDropped() {
    assertThat(feed("event:update", "data:  a", "data: b", ""))
        .containsExactly(new SseEvent("update", null, " a\nb"));
  }

  @Test
  void commentsAreSkippedAndAnEventWithoutNameIsAMessage() {
    assertThat(feed(": keep-alive", "", "data: x", ""))
        .containsExactly(new SseEvent("message", null, "x"));
  }

  @Test
  void fieldsDoNotLeakIntoTheNextEvent() {
    assertThat(feed("event: rank-changed", "data: 1", "", "data: 2", ""))
        .containsExactly(
            new SseEvent("rank-changed", null, "1"), new SseEvent("message", null, "2"));
  }
}
