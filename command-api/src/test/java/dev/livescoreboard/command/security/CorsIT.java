package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CorsIT extends CommandApiTestBase {

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private HttpResponse<String> preflight(String origin, String method, String headers)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/actions"))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", headers)
            .build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void preflightFromAnAllowedOriginIsAnswered() throws Exception {
    HttpResponse<String> response =
        preflight("http://localhost:8080", "POST", "authorization,content-type,idempotency-key");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://localhost:8080");
    assertThat(response.headers().firstValue("Access-Control-Allow-Methods").orElseThrow())
        .contains("POST")
        .doesNotContain("DELETE");
    assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  @Test
  void preflightFromAnotherOriginIsForbidden() throws Exception {
    HttpResponse<String> response = preflight("http://evil.example", "POST", "authorization");

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(response.body()).contains("\"code\":\"FORBIDDEN\"");
  }

  @Test
  void preflightForAnotherMethodOrHeaderIsForbidden() throws Exception {
    assertThat(preflight("http://localhost:8080", "DELETE", "authorization").statusCode())
        .isEqualTo(403);
    assertThat(preflight("http://localhost:8080", "POST", "x-custom").statusCode()).isEqualTo(403);
  }

  @Test
  void anAllowedCrossOriginRequestExposesTheRateLimitHeaders() {
    String user = newUserId();
    provision(user);

    Response response =
        post(
            "/api/v1/actions",
            tokenFor(user),
            "{\"actionType\":\"COMPLETE_LEVEL\"}",
            Map.of("Origin", "http://127.0.0.1:8080"));

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin"))
        .hasValue("http://127.0.0.1:8080");
    assertThat(response.headers().firstValue("Access-Control-Expose-Headers").orElseThrow())
        .contains("RateLimit-Remaining", "Retry-After", "Idempotent-Replayed", "X-Request-Id");
  }

  @Test
  void aCrossOriginRequestFromAnotherOriginIsForbiddenAndWritesNothing() {
    String user = newUserId();

    Response response =
        post(
            "/api/v1/admin/users",
            adminToken(),
            "{\"users\":[{\"userId\":\"" + user + "\",\"displayName\":\"X\"}]}",
            Map.of("Origin", "http://evil.example"));

    assertThat(response.status()).isEqualTo(403);
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", user)).isZero();
  }
}
