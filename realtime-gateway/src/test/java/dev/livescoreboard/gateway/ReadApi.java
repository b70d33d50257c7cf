package dev.livescoreboard.gateway;

import dev.livescoreboard.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** An HTTP/1.1 client of one gateway's read API, for the rank ITs. */
final class ReadApi {

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final RunningGateway gateway;

  ReadApi(RunningGateway gateway) {
    this.gateway = gateway;
  }

  HttpResponse<String> get(String path) {
    return send(request(path));
  }

  /** {@code path} with {@code Authorization: Bearer token}. */
  HttpResponse<String> get(String path, String token) {
    return send(request(path).header("Authorization", "Bearer " + token));
  }

  JsonNode json(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  static JsonNode json(HttpResponse<String> response) {
    return EventJson.fromJson(response.body(), JsonNode.class);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(gateway.http(path))).timeout(Duration.ofSeconds(10));
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
