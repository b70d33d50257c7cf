package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.gateway.SseClient.Comment;
import dev.livescoreboard.gateway.SseClient.Event;
import dev.livescoreboard.gateway.SseClient.Retry;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The SSE stream over real HTTP against a real gateway and Redis. */
class SseIT {

  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_GATEWAY_SSE_KEEP_ALIVE_MS", "300"));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void streamStartsWithRetryThenASnapshotThenUpdatesWithGrowingIds() {
    gateway.seed(top("sse-live", "all-time", 5, "alice", "bob"));
    try (SseClient stream = open("sse-live", "alice")) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type")).hasValue("text/event-stream");
      assertThat(stream.headers().firstValue("Cache-Control")).hasValue("no-cache");
      assertThat(stream.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(stream.nextItem()).isEqualTo(new Retry(2000));

      Event snapshot = stream.nextEvent();
      assertThat(snapshot.name()).isEqualTo("snapshot");
      assertThat(snapshot.id()).isEqualTo("5");
      JsonNode json = snapshot.json();
      assertThat(json.path("type").asString()).isEqualTo("SNAPSHOT");
      assertThat(json.path("board").asString()).isEqualTo("sse-live");
      assertThat(json.path("seq").asLong()).isEqualTo(5);
      assertThat(json.path("entries")).hasSize(2);

      gateway.publish(top("sse-live", "all-time", 6, "bob", "alice"));
      Event first = stream.nextEvent();
      assertThat(first.name()).isEqualTo("update");
      assertThat(first.id()).isEqualTo("6");
      assertThat(first.json().path("type").asString()).isEqualTo("LEADERBOARD_UPDATE");
      assertThat(first.json().path("entries").get(0).path("userId").asString()).isEqualTo("bob");
      assertThat(first.json().path("sourceCommittedAt").asString())
          .isEqualTo("2026-11-24T10:15:30Z");
      gateway.publish(top("sse-live", "all-time", 4, "mallory"));
      gateway.publish(top("sse-live", "all-time", 9, "carol"));
      Event next = stream.nextEvent();
      assertThat(next.id()).isEqualTo("9");
      assertThat(next.json().path("entries").get(0).path("userId").asString()).isEqualTo("carol");
    }
  }

  @Test
  void eventDataIsExactlyTheWebSocketMessage() {
    gateway.seed(top("sse-same", "all-time", 1, "alice"));
    String token = gateway.token("dave");
    try (WsClient ws =
            WsClient.connect(
                gateway.ws("/ws?board=sse-same"),
                b -> b.header("Authorization", "Bearer " + token));
        SseClient stream = open("sse-same", "dave")) {
      ws.next("CONNECTION_ACK");
      JsonNode wsSnapshot = ws.next("SNAPSHOT");
      assertThat(stream.nextEvent().json()).isEqualTo(wsSnapshot);

      gateway.publish(top("sse-same", "all-time", 2, "erin", "alice"));
      assertThat(stream.nextEvent().json()).isEqualTo(ws.next("LEADERBOARD_UPDATE"));
    }
  }

  @Test
  void resumingWithTheCurrentSeqGetsNoSnapshotAndAnOlderOneGetsAFreshOne() {
    gateway.seed(top("sse-resume", "all-time", 7, "alice"));
    try (SseClient current = open("sse-resume", "alice", b -> b.header("Last-Event-ID", "7"));
        SseClient older = open("sse-resume", "bob", b -> b.header("Last-Event-ID", "3"))) {
      Event fresh = older.nextEvent();
      assertThat(fresh.name()).isEqualTo("snapshot");
      assertThat(fresh.id()).isEqualTo("7");

      gateway.publish(top("sse-resume", "all-time", 8, "bob", "alice"));
      Event first = current.nextEvent();
      assertThat(first.name()).isEqualTo("update");
      assertThat(first.id()).isEqualTo("8");
      assertThat(older.nextEvent().id()).isEqualTo("8");
    }
  }

  /**
   * A {@code Last-Event-ID} that is not a seq of this board (not a number, negative, too large for
   * one, anything else) is no id: the reader gets a fresh snapshot, as SSE's reconnect expects.
   */
  @ParameterizedTest
  @ValueSource(strings = {"abc", "-7", "7.0", "0x7", "99999999999999999999999", "7; drop"})
  void aMalformedLastEventIdGetsAFreshSnapshot(String lastEventId) {
    gateway.seed(top("sse-garbled", "all-time", 7, "alice"));
    try (SseClient stream =
        open("sse-garbled", "alice", b -> b.header("Last-Event-ID", lastEventId))) {
      Event first = stream.nextEvent();
      assertThat(first.name()).isEqualTo("snapshot");
      assertThat(first.id()).isEqualTo("7");
    }
  }

  /**
   * Bytes outside ASCII (obs-text, which HTTP tolerates) are no id either; bytes HTTP forbids in a
   * header make the request malformed: 400, before any stream starts.
   */
  @Test
  void aLastEventIdOfGarbageBytesIsNoIdOrAMalformedRequest() {
    gateway.seed(top("sse-bytes", "all-time", 3, "alice"));
    String path = "/api/v1/leaderboards/sse-bytes/stream?access_token=" + gateway.token("alice");
    try (RawHttpConnection obsText = new RawHttpConnection(gateway.server.port())) {
      obsText.send(RawHttpConnection.get(path, "Last-Event-ID: \u00ff\u00fe3\u0080\r\n"));
      RawHttpConnection.Response head = obsText.readHead();
      assertThat(head.status()).isEqualTo(200);
      assertThat(obsText.readUntil("data: ")).contains("event: snapshot", "id: 3");
    }
    try (RawHttpConnection nul = new RawHttpConnection(gateway.server.port())) {
      nul.send(RawHttpConnection.get(path, "Last-Event-ID: 3\u00003\r\n"));
      RawHttpConnection.Response refused = nul.read();
      assertThat(refused.status()).isEqualTo(400);
      assertThat(EventJson.fromJson(refused.body(), JsonNode.class).path("code").asString())
          .isEqualTo("VALIDATION_FAILED");
      assertThat(nul.closedByServer()).isTrue();
    }
  }

  @Test
  void aQuietStreamGetsKeepAliveComments() {
    gateway.seed(top("sse-quiet", "all-time", 1, "alice"));
    try (SseClient stream = open("sse-quiet", "alice")) {
      stream.nextEvent();
      assertThat(stream.nextComment()).isEqualTo(new Comment("keep-alive"));
      assertThat(stream.nextComment()).isEqualTo(new Comment("keep-alive"));
    }
  }

  @Test
  void anAllowedOriginGetsCorsHeadersAndAnotherIsRefused() {
    gateway.seed(top("sse-cors", "all-time", 1, "alice"));
    try (SseClient allowed =
        open("sse-cors", "alice", b -> b.header("Origin", RunningGateway.ALLOWED_ORIGIN))) {
      assertThat(allowed.status()).isEqualTo(200);
      assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
          .hasValue(RunningGateway.ALLOWED_ORIGIN);
      assertThat(allowed.nextEvent().name()).isEqualTo("snapshot");
    }
    try (SseClient refused =
        open("sse-cors", "alice", b -> b.header("Origin", "http://evil.example"))) {
      assertProblem(refused, 403, "FORBIDDEN");
      assertThat(refused.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }
  }

  @Test
  void tokenInTheAuthorizationHeaderIsAcceptedAndNoTokenIsRefused() {
    gateway.seed(top("sse-auth", "all-time", 2, "alice"));
    String token = gateway.token("frank");
    try (SseClient header =
        SseClient.open(
            uri("/api/v1/leaderboards/sse-auth/stream"),
            b -> b.header("Authorization", "Bearer " + token))) {
      assertThat(header.status()).isEqualTo(200);
      assertThat(header.nextEvent().id()).isEqualTo("2");
    }
    try (SseClient none = SseClient.open(uri("/api/v1/leaderboards/sse-auth/stream"), b -> b)) {
      assertProblem(none, 401, "UNAUTHORIZED");
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }
    try (SseClient forged =
        SseClient.open(
            uri("/api/v1/leaderboards/sse-auth/stream?access_token=not.a.jwt"), b -> b)) {
      assertProblem(forged, 401, "UNAUTHORIZED");
    }
  }

  @Test
  void theStreamClosesWhenItsTokenExpires() {
    gateway.seed(top("sse-expiry", "all-time", 1, "alice"));
    String shortLived =
        gateway.auth.mint("heidi", "Heidi", java.util.List.of("player"), Duration.ofSeconds(2));
    try (SseClient stream =
        SseClient.open(
            uri("/api/v1/leaderboards/sse-expiry/stream?access_token=" + shortLived), b -> b)) {
      stream.nextEvent();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> stream.pending().stream().anyMatch(SseClient.Closed.class::isInstance));
    }
  }

  @Test
  void onlyGetOpensAStream() {
    gateway.seed(top("sse-head", "all-time", 1, "alice"));
    try (SseClient head =
        SseClient.open(
            uri("/api/v1/leaderboards/sse-head/stream?access_token=" + gateway.token("alice")),
            b -> b.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()))) {
      assertThat(head.status()).isEqualTo(405);
      assertThat(head.headers().firstValue("Allow")).hasValue("GET");
    }
  }

  @Test
  void unknownBoardIs404AndABadBoardIdIs400() {
    try (SseClient unknown = open("sse-never-seen", "alice")) {
      assertProblem(unknown, 404, "BOARD_NOT_FOUND");
    }
    try (SseClient bad = open("Not%20Valid", "alice")) {
      assertProblem(bad, 400, "VALIDATION_FAILED");
    }
  }

  @Test
  void connectedStreamsAreCountedInTheMetrics() {
    gateway.seed(top("sse-gauge", "all-time", 1, "alice"));
    try (SseClient stream = open("sse-gauge", "alice")) {
      stream.nextEvent();
      String scrape = new ReadApi(gateway).get("/metrics").body();
      assertThat(gauge(scrape, "gateway_sse_connections")).isGreaterThanOrEqualTo(1.0);
    }
  }

  static double gauge(String scrape, String name) {
    return scrape
        .lines()
        .filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name));
  }

  static void assertProblem(SseClient response, int status, String code) {
    assertThat(response.status()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(response.problem().path("code").asString()).isEqualTo(code);
  }

  private static SseClient open(String board, String userId) {
    return open(board, userId, b -> b);
  }

  private static SseClient open(
      String board, String userId, UnaryOperator<java.net.http.HttpRequest.Builder> customizer) {
    return SseClient.open(
        uri("/api/v1/leaderboards/" + board + "/stream?access_token=" + gateway.token(userId)),
        customizer);
  }

  private static URI uri(String pathAndQuery) {
    return URI.create(gateway.http(pathAndQuery));
  }
}
