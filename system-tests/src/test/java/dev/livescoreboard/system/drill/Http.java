package dev.livescoreboard.system.drill;

import dev.livescoreboard.system.MetricsScrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The plain GETs the drills' checks make: the gateway's read API, a service's metrics. */
final class Http {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private Http() {}

  /** The response to {@code GET url}: status and body. */
  static HttpResponse<String> get(String url) {
    try {
      return CLIENT.send(
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The JSON body of a 200 answer to {@code GET url}, or {@code null} for any other answer. */
  static JsonNode json(String url) {
    HttpResponse<String> response = get(url);
    return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
  }

  /** A Spring Boot service's {@code /actuator/prometheus}. */
  static MetricsScrape metrics(String serviceUrl) {
    return new MetricsScrape().add(get(serviceUrl + "/actuator/prometheus").body());
  }
}
