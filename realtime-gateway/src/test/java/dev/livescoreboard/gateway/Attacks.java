package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.events.EventJson;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** Bad clients over real sockets, and what the gateway must answer them. */
final class Attacks {

  /** A plain request head that never ends when trickled. */
  static final String HTTP_HEAD =
      "GET /api/v1/leaderboards/global HTTP/1.1\r\nHost: gateway\r\nX-Slow: ";

  /** A WebSocket upgrade request head that never ends when trickled. */
  static final String UPGRADE_HEAD =
      "GET /ws?board=global HTTP/1.1\r\nHost: gateway\r\nUpgrade: websocket\r\n"
          + "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nX-Slow: ";

  private Attacks() {}

  /**
   * Sends {@code head} on {@code connection}, then one more header byte every 50 ms until the
   * server closes the connection (slowloris).
   */
  static RawHttpConnection trickle(
      RawHttpConnection connection, String head, ScheduledExecutorService trickler) {
    connection.send(head);
    // A failed send (the server closed the connection) ends the schedule.
    trickler.scheduleAtFixedRate(() -> connection.send("x"), 50, 50, TimeUnit.MILLISECONDS);
    return connection;
  }

  /** The server answered 408 {@code REQUEST_TIMEOUT} and closed the connection. */
  static void assertRequestTimeout(RawHttpConnection slow) {
    RawHttpConnection.Response response = slow.read();
    assertThat(response.status()).isEqualTo(408);
    assertThat(response.headers()).containsEntry("content-type", "application/problem+json");
    JsonNode problem = EventJson.fromJson(response.body(), JsonNode.class);
    assertThat(problem.path("code").asString()).isEqualTo("REQUEST_TIMEOUT");
    assertThat(slow.closedByServer()).isTrue();
  }

  /** A socket whose receive window is as small as the kernel allows; the caller never reads it. */
  static Socket nonReadingSocket(int port) {
    try {
      Socket socket = new Socket();
      socket.setReceiveBufferSize(4096);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      return socket;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Pipelines GETs of {@code path} on a socket that never reads an answer, until the server closes
   * it: the writer blocks once the server stops reading, and fails once it closes.
   */
  static void pipelineWithoutReading(int port, String path) {
    byte[] requests = RawHttpConnection.get(path).repeat(100).getBytes(StandardCharsets.US_ASCII);
    try (Socket socket = nonReadingSocket(port)) {
      OutputStream out = socket.getOutputStream();
      CompletableFuture<Void> writer =
          CompletableFuture.runAsync(
              () -> {
                try {
                  while (true) {
                    out.write(requests);
                  }
                } catch (IOException closedByServer) {
                  // the end this waits for
                }
              });
      assertThat(writer).succeedsWithin(Duration.ofSeconds(60));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
