package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.SseIT.assertProblem;
import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one SSE reader may hold: the per-address cap on open streams, and a reader that stops
 * reading is conflated instead of queued for.
 */
class SseLimitsIT {

  private RunningGateway gateway;

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aStreamBeyondThePerAddressCapIs429WithRetryAfterAndASlotFreesOnClose() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_SSE_MAX_PER_ADDRESS", "2"));
    gateway.seed(top("cap-board", "all-time", 1, "alice"));
    SseClient first = open("alice");
    try (SseClient second = open("bob")) {
      first.nextEvent();
      second.nextEvent();
      try (SseClient third = open("carol")) {
        assertProblem(third, 429, "RATE_LIMITED");
        assertThat(third.headers().firstValue("Retry-After")).isPresent();
      }
      assertThat(gateway.metric("gateway_connections_rejected_total{limit=\"per_address\""))
          .isEqualTo(1.0);
      first.close();
      // The server sees the close asynchronously; until then a new stream may still be refused.
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () -> {
                try (SseClient again = open("carol")) {
                  assertThat(again.status()).isEqualTo(200);
                }
              });
    }
  }

  @Test
  void withPublicReadAStreamNeedsNoToken() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_PUBLIC_READ", "true"));
    gateway.seed(top("public-board", "all-time", 4, "alice"));
    try (SseClient anonymous =
        SseClient.open(
            URI.create(gateway.http("/api/v1/leaderboards/public-board/stream")), b -> b)) {
      assertThat(anonymous.status()).isEqualTo(200);
      assertThat(anonymous.nextEvent().id()).isEqualTo("4");
    }
  }

  /**
   * A reader with a tiny receive window that reads nothing while 1,600 updates of about 11 KB are
   * broadcast one by one (over 17 MB; the kernel's socket buffers hold at most about 4 MB here):
   * the gateway skips what it cannot write instead of queueing it, so once the reader reads again,
   * after the gateway holds the last state, it gets far fewer bytes than the updates add up to,
   * ending with the latest state.
   */
  @Test
  void aReaderThatStopsReadingIsConflatedAndGetsTheLatestStateWhenItResumes() throws IOException {
    // A drain timeout far beyond the test, so the stalled reader is conflated, not closed.
    gateway =
        new RunningGateway(
            Map.of(
                "SCOREBOARD_GATEWAY_BROADCAST_INTERVAL_MS", "0",
                "SCOREBOARD_GATEWAY_DRAIN_TIMEOUT_SECONDS", "600"));
    String[] users = IntStream.range(0, 100).mapToObj(i -> "user" + i).toArray(String[]::new);
    gateway.seed(top("slow-board", "all-time", 1, users));
    int updates = 1600;
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", gateway.server.port()));
      socket.setSoTimeout(10_000);
      socket
          .getOutputStream()
          .write(
              RawHttpConnection.get(
                      "/api/v1/leaderboards/slow-board/stream?access_token="
                          + gateway.token("slowpoke"))
                  .getBytes(StandardCharsets.US_ASCII));
      CountingStream counted = new CountingStream(socket.getInputStream());
      BufferedReader in =
          new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8), 256);
      assertThat(in.readLine()).startsWith("HTTP/1.1 200");
      long eventBytes = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("data: ")) {
          eventBytes = line.length(); // the snapshot's size: an update's adds its changes
          break;
        }
      }

      for (int seq = 2; seq <= updates + 1; seq++) {
        gateway.publish(top("slow-board", "all-time", seq, users));
      }
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  ReadApi.json(new ReadApi(gateway).get("/api/v1/leaderboards/slow-board"))
                          .path("seq")
                          .asLong()
                      == updates + 1);
      assertThat(counter("gateway_messages_conflated_total")).isPositive();

      String lastId = null;
      String wanted = "id: " + (updates + 1);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("id: ")) {
          lastId = line;
          if (line.equals(wanted)) {
            break;
          }
        }
      }
      assertThat(lastId).isEqualTo(wanted);
      assertThat(counted.count).isLessThan(updates * eventBytes / 2);
    }
  }

  private double counter(String name) {
    return SseIT.gauge(new ReadApi(gateway).get("/metrics").body(), name);
  }

  private SseClient open(String userId) {
    return SseClient.open(
        URI.create(
            gateway.http(
                "/api/v1/leaderboards/cap-board/stream?access_token=" + gateway.token(userId))),
        b -> b);
  }

  /** Counts the bytes read through it. */
  private static final class CountingStream extends java.io.FilterInputStream {
    long count;

    CountingStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
