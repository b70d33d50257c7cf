package dev.livescoreboard.projector.audit;

import dev.livescoreboard.auth.VerifiedAccessToken;
import dev.livescoreboard.infra.devauth.DevAuthServer;
import dev.livescoreboard.testsupport.TestAuth;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running projector's admin HTTP endpoints, as an operator calls them. */
final class ProjectorUnderAudit {

  static final DevAuthServer AUTH = TestAuth.shared();
  static final String ADMIN =
      AUTH.mint("audit-admin", "Admin", List.of(VerifiedAccessToken.ADMIN_ROLE));

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final String baseUrl;

  ProjectorUnderAudit(int port) {
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  String baseUrl() {
    return baseUrl;
  }

  /** {@code POST /api/v1/admin/audit} with {@code token} ({@code null}: without one). */
  HttpResponse<String> audit(String token) {
    return post("/api/v1/admin/audit", token);
  }

  /** The report of an admin's audit; fails unless it answered 200. */
  JsonNode report() {
    HttpResponse<String> response = audit(ADMIN);
    if (response.statusCode() != 200) {
      throw new AssertionError("audit answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** Rebuilds one board from PostgreSQL: Redis then holds exactly what PostgreSQL says. */
  void rebuild(String board, String season) {
    HttpResponse<String> response =
        post("/admin/rebuild?board=" + board + "&season=" + season, ADMIN);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          "rebuild answered " + response.statusCode() + ": " + response.body());
    }
  }

  /** The report's entry of {@code board}+{@code season}, or a missing node. */
  static JsonNode boardOf(JsonNode report, String board, String season) {
    for (JsonNode entry : report.path("boards")) {
      if (board.equals(entry.path("board").asString())
          && season.equals(entry.path("season").asString())) {
        return entry;
      }
    }
    return JSON.missingNode();
  }

  private HttpResponse<String> post(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
