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
    return HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }
}
