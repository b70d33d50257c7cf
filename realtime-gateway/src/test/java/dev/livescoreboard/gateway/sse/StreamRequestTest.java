package dev.livescoreboard.gateway.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StreamRequestTest {

  @Test
  void onlyAStreamPathNamesABoard() {
    assertThat(StreamPath.board("/api/v1/leaderboards/global/stream")).isEqualTo("global");
    assertThat(StreamPath.board("/api/v1/leaderboards//stream")).isNull();
    assertThat(StreamPath.board("/api/v1/leaderboards/stream")).isNull();
    assertThat(StreamPath.board("/api/v1/leaderboards/a/b/stream")).isNull();
    assertThat(StreamPath.board("/api/v1/leaderboards/global")).isNull();
    assertThat(StreamPath.board("/api/v1/leaderboards/global/streams")).isNull();
  }

  @Test
  void lastEventIdIsAPlainSeqOrNothing() {
    assertThat(SseEndpoint.lastEventId("42")).isEqualTo(OptionalLong.of(42));
    assertThat(SseEndpoint.lastEventId(null)).isEmpty();
    assertThat(SseEndpoint.lastEventId("")).isEmpty();
    assertThat(SseEndpoint.lastEventId("-1")).isEmpty();
    assertThat(SseEndpoint.lastEventId("4 2")).isEmpty();
    assertThat(SseEndpoint.lastEventId("99999999999999999999")).isEmpty();
    assertThat(SseEndpoint.lastEventId("9999999999999999999")).isEmpty();
  }
}
