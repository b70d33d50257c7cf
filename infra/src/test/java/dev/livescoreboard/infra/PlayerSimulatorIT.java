package dev.livescoreboard.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator against a stand-in for command-api's write endpoints over real HTTP: the stand-in
 * refuses the first try of every complete with 503 and {@code Retry-After: 1}, as admission control
 * does past capacity, and serves the second.
 */
class PlayerSimulatorIT {

  private final JsonMapper json = JsonMapper.builder().build();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Boolean> refusedKeys = new ConcurrentHashMap<>();
  private final AtomicInteger tokens = new AtomicInteger();
  private HttpServer commandApi;
  private DevAuthServer auth;
  private PlayerSimulator simulator;

  @BeforeEach
  void start() throws IOException {
    commandApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    commandApi.createContext("/api/v1/actions", this::answer);
    commandApi.start();
    auth = DevAuthServer.start(0);
    simulator =
        PlayerSimulator.start("http://127.0.0.1:" + commandApi.getAddress().getPort(), auth);
  }

  @AfterEach
  void stop() {
    simulator.close();
    auth.close();
    commandApi.stop(0);
  }

  @Test
  void aRefusedCompleteIsRetriedWithItsKeyAfterRetryAfterAndThePlayerRestsMeanwhile() {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> completes().values().stream().anyMatch(tries -> tries.size() == 2));

    Map<String, List<Request>> completes = completes();
    assertThat(completes).as("every complete carries an Idempotency-Key").doesNotContainKey("none");
    List<Request> tries =
        completes.values().stream().filter(t -> t.size() == 2).findFirst().orElseThrow();
    Request refused = tries.get(0);
    Request retried = tries.get(1);
    assertThat(retried.actionToken()).isEqualTo(refused.actionToken());
    // Retry-After 1 s stretched by up to half; the upper bound allows for scheduling delays.
    assertThat(Duration.between(refused.at(), retried.at()))
        .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3));
    // Requests already on their way when the refusal was sent may still arrive just after it.
    Instant restBegan = refused.at().plusMillis(100);
    assertThat(requests)
        .filteredOn(r -> r.player().equals(refused.player()))
        .filteredOn(r -> r.at().isAfter(restBegan) && r.at().isBefore(refused.at().plusSeconds(1)))
        .isEmpty();
  }

  private Map<String, List<Request>> completes() {
    return requests.stream()
        .filter(r -> r.actionToken() != null)
        .collect(
            Collectors.groupingBy(
                r -> Optional.ofNullable(r.idempotencyKey()).orElse("none"), Collectors.toList()));
  }

  private void answer(HttpExchange exchange) throws IOException {
    Instant at = Instant.now();
    String player = exchange.getRequestHeaders().getFirst("Authorization");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (exchange.getRequestURI().getPath().endsWith("/complete")) {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String actionToken = json.readTree(body).path("actionToken").asString();
      requests.add(new Request(player, at, actionToken, key));
      if (refusedKeys.putIfAbsent(String.valueOf(key), true) == null) {
        exchange.getResponseHeaders().add("Retry-After", "1");
        respond(exchange, 503, "{\"code\":\"UNAVAILABLE\",\"status\":503}");
      } else {
        respond(exchange, 200, "{}");
      }
    } else {
      requests.add(new Request(player, at, null, null));
      String token = "token-" + tokens.incrementAndGet();
      String expiresAt = at.plus(Duration.ofMinutes(5)).toString();
      respond(
          exchange, 201, "{\"actionToken\":\"" + token + "\",\"expiresAt\":\"" + expiresAt + "\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  /** One request the stand-in received; {@code actionToken} is null for a start. */
  private record Request(String player, Instant at, String actionToken, String idempotencyKey) {}
}
