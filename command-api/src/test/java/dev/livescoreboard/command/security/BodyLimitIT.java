package dev.livescoreboard.command.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BodyLimitIT extends CommandApiTestBase {

  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** A provisioning request for {@code user} padded with a display name to about {@code bytes}. */
  private static String provisioning(String user, int bytes) {
    String padding = "x".repeat(Math.max(0, bytes - 60));
    return "{\"users\":[{\"userId\":\"" + user + "\",\"displayName\":\"" + padding + "\"}]}";
  }

  @Test
  void aBodyOver16KbIs413AndWritesNothing() {
    String user = newUserId();

    Response response =
        post("/api/v1/admin/users", adminToken(), provisioning(user, 17 * 1024), Map.of());

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.code()).isEqualTo("PAYLOAD_TOO_LARGE");
    assertThat(response.body().path("requestId").asString()).isNotBlank();
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", user)).isZero();
  }

  @Test
  void aChunkedBodyOver16KbIs413AndWritesNothing() throws Exception {
    String user = newUserId();
    byte[] body = provisioning(user, 17 * 1024).getBytes(StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/admin/users"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + adminToken())
            // An input stream has no known length: sent chunked, without Content-Length.
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
            .build();

    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    assertThat(count("SELECT count(*) FROM users WHERE id = ?", user)).isZero();
  }

  @Test
  void aBodyJustUnderTheLimitIsParsed() {
    // Parsed, then refused for its far too long display name: a 400, not a 413.
    Response response =
        post("/api/v1/admin/users", adminToken(), provisioning(newUserId(), 15 * 1024), Map.of());

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
  }
}
