package dev.livescoreboard.bench.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.bench.ceiling.FanOutServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The bare fan-out server and the fleet's clients together, over loopback: every client receives
 * each broadcast once, and the fleet reads the server's send time from the frame.
 */
class BareFanOutTest {

  private static final int CLIENTS = 5;

  @Test
  void everyClientReceivesEachBroadcastWithItsSendTime() throws Exception {
    UpdateRecorder recorder = new UpdateRecorder();
    recorder.window(0, Long.MAX_VALUE);
    try (FanOutServer server = new FanOutServer(2);
        WsClientGroup clients =
            new WsClientGroup(
                URI.create("ws://127.0.0.1:" + server.port() + FanOutServer.PATH + "?board=g"),
                null,
                1,
                recorder)) {
      assertThat(clients.connect(CLIENTS, Duration.ofSeconds(30))).isEqualTo(CLIENTS);

      Instant sent = Instant.parse("2026-12-03T10:00:00.123456Z");
      server.broadcast(update(1, sent));
      server.broadcast(update(2, sent.plusMillis(5)));

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(
              () -> {
                assertThat(recorder.seqTable()).containsOnlyKeys(1L, 2L);
                assertThat(recorder.seqTable().get(1L)[4]).isEqualTo(CLIENTS);
                assertThat(recorder.seqTable().get(2L)[4]).isEqualTo(CLIENTS);
              });
      assertThat(recorder.seqTable().get(1L)[1]).isEqualTo(1_796_292_000_123_456L);
      assertThat(recorder.seqTable().get(2L)[1]).isEqualTo(1_796_292_000_128_456L);
    }
  }

  private static byte[] update(long seq, Instant sent) {
    return ("{\"type\":\"LEADERBOARD_UPDATE\",\"seq\":"
            + seq
            + ",\"entries\":[],\"sourceCommittedAt\":\""
            + sent
            + "\",\"sentAt\":\""
            + sent
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
