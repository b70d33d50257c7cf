package dev.livescoreboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Tokens from a running stack's dev auth server ({@code POST /dev/token}). Thread-safe. */
final class RemoteTokenMinter implements TokenMinter {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI tokenUrl;

  RemoteTokenMinter(URI auth) {
    this.tokenUrl = auth.resolve("/dev/token");
  }

  @Override
  public String mint(String sub, String name, List<String> roles) {
    HttpRequest request =
        HttpRequest.newBuilder(tokenUrl)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    JSON.writeValueAsBytes(Map.of("sub", sub, "name", name, "roles", roles))))
            .build();
    try {
      HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("POST /dev/token answered " + response.statusCode());
      }
      return JSON.readTree(response.body()).path("token").asString();
    } catch (IOException e) {
      throw new IllegalStateException("could not reach the auth server at " + tokenUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
