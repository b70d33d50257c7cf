package dev.livescoreboard.projector;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The running projector's {@code /actuator/health}, as a probe calls it. */
public final class ActuatorHealth {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ActuatorHealth() {}

  /** The HTTP status of {@code GET /actuator/health} on {@code port}: 200 UP, 503 DOWN. */
  public static int status(int port) throws IOException, InterruptedException {
    return status(port, "");
  }

  /**
   * The HTTP status of one health group or component ({@code /actuator/health/<part>}, e.g. {@code
   * readiness} or {@code redis}; the whole health for an empty name) on {@code port}.
   */
  public static int status(int port, String part) throws IOException, InterruptedException {
    String path = part.isEmpty() ? "/actuator/health" : "/actuator/health/" + part;
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
