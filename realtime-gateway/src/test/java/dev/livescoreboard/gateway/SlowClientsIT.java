package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Clients too slow to send their request (slowloris, on plain HTTP and on the WebSocket upgrade) or
 * that never read their answers lose their connection within a bounded time, and cost the clients
 * that behave nothing meanwhile. The gateways here allow 1 s for a request and for draining.
 */
class SlowClientsIT {

  private static final Map<String, String> ONE_SECOND =
      Map.of(
          "SCOREBOARD_GATEWAY_REQUEST_TIMEOUT_SECONDS", "1",
          "SCOREBOARD_GATEWAY_DRAIN_TIMEOUT_SECONDS", "1");

  private final ScheduledExecutorService trickler = Executors.newScheduledThreadPool(2);
  private final List<RawHttpConnection> open = new ArrayList<>();
  private RunningGateway gateway;

  @AfterEach
  void stop() {
    trickler.shutdownNow();
    open.forEach(RawHttpConnection::close);
    gateway.close();
  }

  @Test
  void aRequestTrickledAByteAtATimeGets408AndItsConnectionCloses() {
    gateway = new RunningGateway(ONE_SECOND);
    RawHttpConnection slow = trickle(Attacks.HTTP_HEAD);

    Attacks.assertRequestTimeout(slow);
    assertThat(gateway.metric("gateway_connections_timed_out_total{reason=\"request\""))
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void aWebSocketUpgradeTrickledAByteAtATimeGets408AndItsConnectionCloses() {
    gateway = new RunningGateway(ONE_SECOND);
    RawHttpConnection slow = trickle(Attacks.UPGRADE_HEAD);

    Attacks.assertRequestTimeout(slow);
  }

  /** The deadline runs from a request's first byte: a kept-alive connection may idle in between. */
  @Test
  void aKeptAliveConnectionIdleLongerThanTheRequestTimeoutIsStillServed()
      throws InterruptedException {
    gateway = new RunningGateway(ONE_SECOND);
    RawHttpConnection client = connect();
    client.send(RawHttpConnection.get("/api/v1/leaderboards/global"));
    assertThat(client.read().status()).isEqualTo(200);

    // The pause is the input here: three request timeouts without a byte.
    Thread.sleep(3_000);
    client.send(RawHttpConnection.get("/api/v1/leaderboards/global"));

    assertThat(client.read().status()).isEqualTo(200);
  }

  /** Fifty slowloris connections, all answered 408 and closed; nothing of them stays open. */
  @Test
  void manySlowRequestsAreAllClosedAndReleased() {
    gateway = new RunningGateway(ONE_SECOND);
    List<RawHttpConnection> slow =
        IntStream.range(0, 50).mapToObj(i -> trickle(Attacks.HTTP_HEAD)).toList();

    slow.forEach(Attacks::assertRequestTimeout);
    // The scrape's own connection is the one left.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gateway.metric("gateway_connections_open") == 1.0);
    assertThat(gateway.metric("gateway_connections_timed_out_total{reason=\"request\""))
        .isGreaterThanOrEqualTo(50.0);
  }

  /**
   * With a generous deadline, a hundred connections sit mid-request; event loops never wait for a
   * connection's bytes, so a normal read and a WebSocket are served meanwhile.
   */
  @Test
  void slowConnectionsDoNotStarveNormalClients() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_REQUEST_TIMEOUT_SECONDS", "600"));
    for (int i = 0; i < 100; i++) {
      RawHttpConnection slow = connect();
      slow.send(Attacks.HTTP_HEAD);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gateway.metric("gateway_connections_open") >= 101.0);

    assertThat(new ReadApi(gateway).get("/api/v1/leaderboards/global").statusCode()).isEqualTo(200);
    String token = gateway.token("patient");
    try (WsClient ws =
        WsClient.connect(
            gateway.ws("/ws?board=global"), b -> b.header("Authorization", "Bearer " + token))) {
      ws.next("CONNECTION_ACK");
    }
    assertThat(gateway.metric("gateway_connections_open")).isGreaterThanOrEqualTo(101.0);
  }

  /**
   * A client that pipelines requests and never reads an answer: once its answers fill the socket
   * and the write buffer, the gateway reads nothing more from it and closes it, instead of queueing
   * answers without bound.
   */
  @Test
  void aClientThatPipelinesAndNeverReadsIsClosed() {
    gateway = new RunningGateway(ONE_SECOND);
    gateway.seed(top("hot-board", "all-time", 1, users(10)));

    Attacks.pipelineWithoutReading(gateway.server.port(), "/api/v1/leaderboards/hot-board");

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> gateway.metric("gateway_connections_open") == 1.0);
  }

  /**
   * An SSE reader that stops reading is conflated (nothing queues for it), and once it has not
   * taken its bytes for the drain timeout its stream is closed, freeing its slot.
   */
  @Test
  void anSseReaderThatNeverReadsIsClosedAfterTheDrainTimeout() throws IOException {
    gateway =
        new RunningGateway(
            Map.of(
                "SCOREBOARD_GATEWAY_DRAIN_TIMEOUT_SECONDS", "1",
                "SCOREBOARD_GATEWAY_BROADCAST_INTERVAL_MS", "0"));
    String[] users = users(100);
    gateway.seed(top("stalled-board", "all-time", 1, users));
    try (Socket socket = Attacks.nonReadingSocket(gateway.server.port())) {
      socket
          .getOutputStream()
          .write(
              RawHttpConnection.get(
                      "/api/v1/leaderboards/stalled-board/stream?access_token="
                          + gateway.token("stalled"))
                  .getBytes(StandardCharsets.US_ASCII));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gateway.metric("gateway_sse_connections") == 1.0);

      // About 11 KB an update, far more than the socket buffers hold, until the stream is closed.
      AtomicInteger seq = new AtomicInteger(1);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () -> {
                for (int i = 0; i < 100; i++) {
                  gateway.publish(top("stalled-board", "all-time", seq.incrementAndGet(), users));
                }
                return gateway.metric("gateway_sse_connections") == 0.0;
              });
    }
    assertThat(gateway.metric("gateway_connections_timed_out_total{reason=\"drain\""))
        .isEqualTo(1.0);
    assertThat(gateway.metric("gateway_messages_conflated_total")).isPositive();
  }

  private RawHttpConnection trickle(String head) {
    return Attacks.trickle(connect(), head, trickler);
  }

  private RawHttpConnection connect() {
    RawHttpConnection connection = new RawHttpConnection(gateway.server.port());
    open.add(connection);
    return connection;
  }

  private static String[] users(int count) {
    return IntStream.range(0, count).mapToObj(i -> "user" + i).toArray(String[]::new);
  }
}
