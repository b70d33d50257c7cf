package dev.livescoreboard.gateway;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.events.RankingCodec;
import dev.livescoreboard.events.Seasons;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class HttpApiIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = new RunningGateway(Map.of("SCOREBOARD_TOP_N", "3"));
    gateway.define("http-board", 3, Seasons.NEVER, 1);
    gateway.define("deep-board", 3, Seasons.NEVER, 1);
    gateway.define("nobody-here", 3, Seasons.NEVER, 1);
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void leaderboardIsServedWithAnEtagAndRevalidatesWith304() {
    gateway.seed(top("http-board", "all-time", 21, "alice", "bob", "carol"));

    HttpResponse<String> response = get("/api/v1/leaderboards/http-board?limit=2");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    String etag = response.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).isEqualTo("\"all-time-21-2-n3\"");
    JsonNode body = json(response);
    assertThat(body.path("board").asString()).isEqualTo("http-board");
    assertThat(body.path("seq").asLong()).isEqualTo(21);
    assertThat(body.path("entries")).hasSize(2);
    JsonNode first = body.path("entries").get(0);
    assertThat(first.path("rank").asInt()).isEqualTo(1);
    assertThat(first.path("userId").asString()).isEqualTo("alice");
    assertThat(first.path("displayName").asString()).isEqualTo("Name alice");
    assertThat(first.path("score").asLong()).isEqualTo(1000);

    HttpResponse<String> revalidated =
        send(request("/api/v1/leaderboards/http-board?limit=2").header("If-None-Match", etag));
    assertThat(revalidated.statusCode()).isEqualTo(304);
    assertThat(revalidated.body()).isEmpty();

    gateway.publish(top("http-board", "all-time", 22, "bob", "alice", "carol"));
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () ->
                assertThat(
                        send(request("/api/v1/leaderboards/http-board?limit=2")
                                .header("If-None-Match", etag))
                            .statusCode())
                    .isEqualTo(200));
  }

  @Test
  void definedBoardWithoutDataIsEmptyAllTime() {
    JsonNode body = json(get("/api/v1/leaderboards/nobody-here"));
    assertThat(body.path("season").asString()).isEqualTo("all-time");
    assertThat(body.path("seq").asLong()).isZero();
    assertThat(body.path("entries").isEmpty()).isTrue();
  }

  @Test
  void pagesBeyondTheTopNComeFromTheRanking() {
    gateway.seed(top("deep-board", "all-time", 4, "u1", "u2", "u3"));
    for (int i = 1; i <= 5; i++) {
      gateway.redis.zadd(
          gateway.keys.ranking("deep-board", "all-time"),
          RankingCodec.sortScore(600 - i * 100L),
          RankingCodec.member(1_700_000_000_000L + i, "u" + i));
      gateway.redis.hset(gateway.keys.names("deep-board", "all-time"), "u" + i, "User " + i);
    }

    HttpResponse<String> response = get("/api/v1/leaderboards/deep-board?limit=5");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode entries = json(response).path("entries");
    assertThat(entries).hasSize(5);
    assertThat(entries.get(4).path("userId").asString()).isEqualTo("u5");
    assertThat(entries.get(4).path("displayName").asString()).isEqualTo("User 5");
    assertThat(entries.get(4).path("score").asLong()).isEqualTo(100);
    assertThat(entries.get(4).path("rank").asInt()).isEqualTo(5);
  }

  @Test
  void badInputIsAProblem() {
    HttpResponse<String> response = get("/api/v1/leaderboards/NOPE?limit=500");
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(json(response).path("code").asString()).isEqualTo("VALIDATION_FAILED");
    assertThat(get("/does/not/exist").statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedRequestIsRefusedWith413() {
    HttpResponse<String> response =
        send(
            request("/api/v1/leaderboards/global")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(20_000))));
    assertThat(response.statusCode()).isEqualTo(413);
  }

  @Test
  void healthIsUpWithRedisAndTheSubscription() {
    await()
        .atMost(10, TimeUnit.SECONDS)
        .untilAsserted(
            () -> {
              HttpResponse<String> response = get("/health");
              assertThat(response.statusCode()).isEqualTo(200);
              assertThat(json(response).path("status").asString()).isEqualTo("UP");
              assertThat(json(response).path("redis").asString()).isEqualTo("UP");
              assertThat(json(response).path("subscription").asString()).isEqualTo("UP");
            });
  }

  @Test
  void livePageIsServedWithTheSecurityHeaders() {
    HttpResponse<String> page = get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            csp ->
                assertThat(csp)
                    .contains("default-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
                    .as("no other host, WebSocket or not, is reachable")
                    .doesNotContain("ws:", "wss:", "*"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    assertThat(page.body()).contains("<script src=\"/app.js\"");

    HttpResponse<String> script = get("/app.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.body()).contains("textContent").doesNotContain("innerHTML");
  }

  @Test
  void metricsAreExposedForPrometheus() {
    HttpResponse<String> response = get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body())
        .contains(
            "gateway_websocket_connections",
            "gateway_messages_broadcast_total",
            "jvm_memory_used_bytes");
  }

  private static HttpResponse<String> get(String path) {
    return send(request(path));
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gateway.http(path))).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode json(HttpResponse<String> response) {
    return EventJson.fromJson(response.body(), JsonNode.class);
  }
}
