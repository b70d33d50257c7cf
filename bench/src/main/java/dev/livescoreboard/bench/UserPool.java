package dev.livescoreboard.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated players: provisioned through the admin API in batches and given access tokens. Ids
 * are fresh per run, so hourly quotas and earlier scores of other runs never interfere.
 */
final class UserPool {

  /** Users per admin request: keeps each body well under command-api's 16 KB limit. */
  static final int BATCH = 200;

  private static final String ADMIN_ROLE = "scoreboard:admin";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private UserPool() {}

  /** Provisions {@code count} users named {@code <prefix>-<i>} and returns their access tokens. */
  static List<String> provision(URI commandApi, TokenMinter minter, String prefix, int count)
      throws IOException, InterruptedException {
    String admin = minter.mint("bench-admin", "Bench Admin", List.of(ADMIN_ROLE));
    HttpClient http = HttpClient.newHttpClient();
    for (int from = 0; from < count; from += BATCH) {
      List<Map<String, String>> users = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + BATCH); i++) {
        users.add(Map.of("userId", userId(prefix, i), "displayName", "Bench " + i));
      }
      HttpRequest request =
          HttpRequest.newBuilder(commandApi.resolve("/api/v1/admin/users"))
              .header("Authorization", "Bearer " + admin)
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      JSON.writeValueAsBytes(Map.of("users", users))))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "provisioning users failed: " + response.statusCode() + " " + response.body());
      }
    }
    // Signing is CPU-bound (RS256); spread it over the cores.
    return IntStream.range(0, count)
        .parallel()
        .mapToObj(i -> minter.mint(userId(prefix, i), "Bench " + i, List.of()))
        .toList();
  }

  static String userId(String prefix, int i) {
    return prefix + "-" + i;
  }
}
