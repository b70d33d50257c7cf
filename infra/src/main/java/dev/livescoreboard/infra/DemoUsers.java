package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import tools.jackson.databind.json.JsonMapper;

/** The demo players of the local stack, provisioned through the admin API. */
final class DemoUsers {

  static final String ADMIN_ROLE = "scoreboard:admin";

  private static final List<String> NAMES =
      List.of(
          "Ada",
          "Grace",
          "Linus",
          "Margaret",
          "Alan",
          "Barbara",
          "Dennis",
          "Frances",
          "Ken",
          "Radia",
          "Edsger",
          "Hedy",
          "Tim",
          "Katherine",
          "Donald",
          "Anita",
          "Bjarne",
          "Sophie",
          "Guido",
          "Mary",
          "James",
          "Shafi",
          "Niklaus",
          "Adele",
          "John",
          "Joan",
          "Vint",
          "Susan",
          "Leslie",
          "Ida",
          "Whitfield",
          "Carol",
          "Butler",
          "Lynn",
          "Robin",
          "Jean",
          "Andrew",
          "Evelyn",
          "Brian",
          "Kathleen",
          "Ivan",
          "Dorothy",
          "Yukihiro",
          "Marissa",
          "Rob",
          "Cynthia",
          "Ward",
          "Elaine",
          "Larry",
          "Annie");

  private DemoUsers() {}

  /** {@code demo-01} … {@code demo-50}. */
  static List<String> ids() {
    return IntStream.rangeClosed(1, NAMES.size())
        .mapToObj(i -> String.format("demo-%02d", i))
        .toList();
  }

  static String nameOf(String id) {
    return NAMES.get(Integer.parseInt(id.substring("demo-".length())) - 1);
  }

  /** Upserts every demo user with its display name. */
  static void seed(String commandApiUrl, DevAuthServer auth) {
    String token = auth.mint("local-admin", "Local Admin", List.of(ADMIN_ROLE));
    var users = ids().stream().map(id -> Map.of("userId", id, "displayName", nameOf(id))).toList();
    String body = JsonMapper.builder().build().writeValueAsString(Map.of("users", users));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(commandApiUrl + "/api/v1/admin/users"))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "seeding demo users failed: " + response.statusCode() + " " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("seeding demo users failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
