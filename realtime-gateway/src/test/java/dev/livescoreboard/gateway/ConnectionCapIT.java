package dev.livescoreboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The gateway holds at most its maximum of open connections and refuses the next at once. */
class ConnectionCapIT {

  private static final int CAP = 3;

  private final RunningGateway gateway =
      new RunningGateway(Map.of("SCOREBOARD_GATEWAY_MAX_CONNECTIONS", String.valueOf(CAP)));
  private final List<RawHttpConnection> open = new ArrayList<>();

  @AfterEach
  void stop() {
    open.forEach(RawHttpConnection::close);
    gateway.close();
  }

  @Test
  void aConnectionBeyondTheCapIsClosedAndOneIsServedAgainOnceASlotIsFree() throws IOException {
    for (int i = 0; i < CAP; i++) {
      RawHttpConnection connection = served();
      open.add(connection);
    }

    try (Socket refused = new Socket("127.0.0.1", gateway.server.port())) {
      refused.setSoTimeout(10_000);
      // End of stream without sending anything: the server closed it on accept.
      assertThat(refused.getInputStream().read()).isEqualTo(-1);
    }

    open.remove(0).close();
    // The server sees the close asynchronously; until then a new connection may still be refused.
    RawHttpConnection again =
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions().until(this::served, c -> true);
    open.add(again);

    again.send(RawHttpConnection.get("/metrics"));
    RawHttpConnection.Response metrics = again.read();
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(refusedCount(metrics.body())).isGreaterThanOrEqualTo(1.0);
  }

  /** A new connection that answered one request; throws if the server closed it. */
  private RawHttpConnection served() {
    RawHttpConnection connection = new RawHttpConnection(gateway.server.port());
    try {
      connection.send(RawHttpConnection.get("/openapi.json"));
      assertThat(connection.read().status()).isEqualTo(200);
      return connection;
    } catch (RuntimeException | AssertionError e) {
      connection.close();
      throw e;
    }
  }

  private static double refusedCount(String scrape) {
    return scrape
        .lines()
        .filter(line -> line.startsWith("gateway_connections_refused_total"))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow();
  }
}
