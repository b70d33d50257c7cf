package dev.livescoreboard.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The command-api as the frontend uses it. */
final class WriteApi {

  /** A response: status and parsed JSON body. */
  record Reply(int status, JsonNode body) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String baseUrl;

  WriteApi(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  Reply start(String accessToken, String actionType) {
    return post("/api/v1/actions", accessToken, Map.of("actionType", actionType));
  }

  Reply complete(String accessToken, String actionToken) {
    return post("/api/v1/actions/complete", accessToken, Map.of("actionToken", actionToken));
  }

  Reply start(String accessToken, String actionType, String board) {
    return post("/api/v1/actions", accessToken, Map.of("actionType", actionType, "board", board));
  }

  /** Starts and completes one action, returning the completion. */
  Reply play(String accessToken, String actionType) {
    return completeStarted(accessToken, start(accessToken, actionType));
  }

  /** Starts and completes one action on {@code board}, returning the completion. */
  Reply play(String accessToken, String actionType, String board) {
    return completeStarted(accessToken, start(accessToken, actionType, board));
  }

  /** Starts and completes one action on {@code board}, completing with {@code traceparent}. */
  Reply playTraced(String accessToken, String actionType, String board, String traceparent) {
    Reply started = start(accessToken, actionType, board);
    if (started.status() != 201) {
      throw new AssertionError("start failed: " + started);
    }
    return send(
        postRequest(
                "/api/v1/actions/complete",
                accessToken,
                Map.of("actionToken", started.body().path("actionToken").asString()))
            .header("traceparent", traceparent)
            .build());
  }

  private Reply completeStarted(String accessToken, Reply started) {
    if (started.status() != 201) {
      throw new AssertionError("start failed: " + started);
    }
    return complete(accessToken, started.body().path("actionToken").asString());
  }

  /** {@code PUT /api/v1/admin/boards/{board}} as the holder of an admin token. */
  Reply defineBoard(String adminToken, String board, String title, int topN, String resetSchedule) {
    Map<String, Object> body =
        Map.of("title", title, "scoreCap", 1_000_000, "topN", topN, "resetSchedule", resetSchedule);
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/admin/boards/" + board))
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
            .build());
  }

  /**
   * An admin's change of a user: {@code freeze}, {@code unfreeze} or {@code erase}, with a reason.
   */
  Reply changeUser(String adminToken, String userId, String change, String reason) {
    return post(
        "/api/v1/admin/users/" + userId + "/" + change, adminToken, Map.of("reason", reason));
  }

  /** The admin's revoke of an access token, by its {@code jti}. */
  Reply revoke(String adminToken, String jti) {
    return post("/api/v1/admin/tokens/revoke", adminToken, Map.of("jti", jti));
  }

  private Reply post(String path, String accessToken, Map<String, String> body) {
    return send(postRequest(path, accessToken, body).build());
  }

  private HttpRequest.Builder postRequest(
      String path, String accessToken, Map<String, String> body) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Authorization", "Bearer " + accessToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), JSON.readTree(response.body()));
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
