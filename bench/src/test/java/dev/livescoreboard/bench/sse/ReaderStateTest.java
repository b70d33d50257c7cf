package dev.livescoreboard.bench.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ReaderStateTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ReaderState state = new ReaderState();
  private final List<String> reported = new ArrayList<>();

  private static JsonNode board(String entries) {
    return JSON.readTree("{\"seq\":1,\"entries\":[" + entries + "]}");
  }

  private void update(String entries) {
    state.update(board(entries), (user, score) -> reported.add(user + "=" + score));
  }

  @Test
  void onlyPairsNewToThisReaderAreReported() {
    state.snapshot(board("{\"userId\":\"a\",\"score\":5}"));
    update("{\"userId\":\"b\",\"score\":7},{\"userId\":\"a\",\"score\":5}");
    update("{\"userId\":\"b\",\"score\":7},{\"userId\":\"a\",\"score\":9}");

    assertThat(reported).containsExactly("b=7", "a=9");
  }
}
