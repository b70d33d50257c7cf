package dev.livescoreboard.gateway.http;

import static dev.livescoreboard.gateway.board.Tops.top;
import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.auth.AccessTokenSettings;
import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.events.EventJson;
import dev.livescoreboard.gateway.auth.RevocationCheck;
import dev.livescoreboard.gateway.auth.TokenAuthenticator;
import dev.livescoreboard.gateway.blocking.BlockingExecutor;
import dev.livescoreboard.gateway.board.BoardFeed;
import dev.livescoreboard.gateway.board.InMemoryLeaderboardStore;
import dev.livescoreboard.gateway.board.TestFeeds;
import dev.livescoreboard.gateway.config.GatewaySettings;
import dev.livescoreboard.gateway.metrics.GatewayMetrics;
import dev.livescoreboard.gateway.rank.UnreachableRankReads;
import dev.livescoreboard.gateway.registry.TestBoards;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class HttpRouterTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final InMemoryLeaderboardStore store =
      new InMemoryLeaderboardStore().put(top("global", "all-time", 12, "alice", "bob", "carol"));
  private final BlockingExecutor blocking = new BlockingExecutor(Runnable::run);
  private final BoardFeed feed = TestFeeds.immediate(store, blocking, registry);
  private final GatewayMetrics metrics = new GatewayMetrics();
  private final EmbeddedChannel channel =
      new EmbeddedChannel(
          new RequestLogContext(),
          new HttpRouter(
              GatewaySettings.fromEnvironment(Map.of()),
              feed,
              store,
              new UnreachableRankReads(),
              new TokenAuthenticator(
                  new AccessTokenVerifier(
                      AccessTokenSettings.of(
                          URI.create("http://127.0.0.1:9/jwks.json"), "test", "test")),
                  RevocationCheck.NONE),
              blocking,
              metrics,
              () -> true,
              TestBoards.of("global")));

  @AfterEach
  void finish() {
    channel.finishAndReleaseAll();
    metrics.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/v1/leaderboards/Global",
        "/api/v1/leaderboards/%3Cscript%3E",
        "/api/v1/leaderboards/-starts-with-dash",
        "/api/v1/leaderboards/global?limit=0",
        "/api/v1/leaderboards/global?limit=101",
        "/api/v1/leaderboards/global?limit=ten",
        "/api/v1/leaderboards/global?limit=-1",
        "/api/v1/leaderboards/global?season=..%2F..",
      })
  void badInputIsAProblemWithValidationFailed(String uri) {
    FullHttpResponse response = get(uri);
    try {
      assertThat(response.status().code()).isEqualTo(400);
      assertProblem(response, "VALIDATION_FAILED");
    } finally {
      response.release();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/nope", "/api/v1/leaderboards/global/users/alice/extra", "/static/app.js"})
  void unknownPathIsAProblemWithNotFound(String uri) {
    FullHttpResponse response = get(uri);
    try {
      assertThat(response.status().code()).isEqualTo(404);
      assertProblem(response, "NOT_FOUND");
    } finally {
      response.release();
    }
  }

  @Test
  void responsesEchoTheCallersRequestIdAndProblemsQuoteIt() {
    FullHttpRequest named = request("/nope");
    named.headers().set("X-Request-Id", "req-42");
    channel.writeInbound(named);
    FullHttpResponse problem = channel.readOutbound();
    FullHttpResponse page = get("/");
    try {
      assertThat(problem.headers().get("X-Request-Id")).isEqualTo("req-42");
      assertThat(body(problem).path("requestId").asString()).isEqualTo("req-42");
      assertThat(page.headers().get("X-Request-Id")).isNotBlank().isNotEqualTo("req-42");
    } finally {
      problem.release();
      page.release();
    }
  }

  @Test
  void aProblemWithoutACallersIdGetsANewOneInBodyAndHeader() {
    FullHttpRequest unnamed = request("/nope");
    unnamed.headers().set("X-Request-Id", "not a token");
    channel.writeInbound(unnamed);
    FullHttpResponse problem = channel.readOutbound();
    try {
      String id = problem.headers().get("X-Request-Id");
      assertThat(id).isNotEqualTo("not a token");
      assertThat(body(problem).path("requestId").asString()).isEqualTo(id);
    } finally {
      problem.release();
    }
  }

  @Test
  void otherMethodsAreNotAllowed() {
    channel.writeInbound(
        new DefaultFullHttpRequest(
            HttpVersion.HTTP_1_1, HttpMethod.DELETE, "/api/v1/leaderboards/global"));
    FullHttpResponse response = channel.readOutbound();
    try {
      assertThat(response.status().code()).isEqualTo(405);
      assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET, HEAD");
      assertProblem(response, "METHOD_NOT_ALLOWED");
    } finally {
      response.release();
    }
  }

  @Test
  void topOfTheCurrentSeasonIsServedWithAnEtagAndRevalidates() {
    FullHttpResponse response = get("/api/v1/leaderboards/global?limit=2");
    String etag;
    try {
      assertThat(response.status().code()).isEqualTo(200);
      etag = response.headers().get(HttpHeaderNames.ETAG);
      assertThat(etag).isEqualTo("\"all-time-12-2-n3\"");
      JsonNode body = body(response);
      assertThat(body.path("seq").asLong()).isEqualTo(12);
      assertThat(body.path("totalUsers").asLong()).isEqualTo(3);
      assertThat(body.path("entries")).hasSize(2);
      assertThat(body.path("entries").get(1).path("rank").asInt()).isEqualTo(2);
      assertThat(body.path("generatedAt").isString()).isTrue();
    } finally {
      response.release();
    }

    FullHttpRequest again = request("/api/v1/leaderboards/global?limit=2");
    again.headers().set(HttpHeaderNames.IF_NONE_MATCH, etag);
    channel.writeInbound(again);
    FullHttpResponse notModified = channel.readOutbound();
    try {
      assertThat(notModified.status().code()).isEqualTo(304);
      assertThat(notModified.content().readableBytes()).isZero();
    } finally {
      notModified.release();
    }
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String uri : new String[] {"/", "/nope", "/api/v1/leaderboards/global"}) {
      FullHttpResponse response = get(uri);
      try {
        assertThat(response.headers().get("Content-Security-Policy"))
            .contains("default-src 'self'", "frame-ancestors 'none'");
        assertThat(response.headers().get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.headers().get("Referrer-Policy")).isEqualTo("no-referrer");
      } finally {
        response.release();
      }
    }
  }

  @Test
  void thePageIsToldThereIsNoDevAuthServerAndHasAnIcon() {
    FullHttpResponse config = get("/page-config.json");
    FullHttpResponse icon = get("/favicon.svg");
    try {
      assertThat(config.status().code()).isEqualTo(200);
      assertThat(config.content().toString(java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo("{\"devAuthUrl\":null}");
      assertThat(icon.status().code()).isEqualTo(200);
      assertThat(icon.headers().get("Content-Type")).isEqualTo("image/svg+xml");
    } finally {
      config.release();
      icon.release();
    }
  }

  private FullHttpResponse get(String uri) {
    channel.writeInbound(request(uri));
    FullHttpResponse response = channel.readOutbound();
    assertThat(response).as("response to " + uri).isNotNull();
    return response;
  }

  private static FullHttpRequest request(String uri) {
    return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri);
  }

  private static void assertProblem(FullHttpResponse response, String code) {
    assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE))
        .isEqualTo("application/problem+json");
    JsonNode problem = body(response);
    assertThat(problem.path("code").asString()).isEqualTo(code);
    assertThat(problem.path("status").asInt()).isEqualTo(response.status().code());
    assertThat(problem.path("type").asString()).startsWith("urn:problem:");
    assertThat(problem.path("title").asString()).isNotBlank();
    assertThat(problem.path("detail").asString()).isNotBlank();
  }

  private static JsonNode body(FullHttpResponse response) {
    return EventJson.fromJson(response.content().toString(StandardCharsets.UTF_8), JsonNode.class);
  }
}
