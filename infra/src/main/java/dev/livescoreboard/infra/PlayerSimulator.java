package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulated players for the local stack: like a real frontend they start an action, play for a
 * moment, then complete it through the public write API, so the board keeps moving.
 */
final class PlayerSimulator implements AutoCloseable {

  /** A new action starts this often across all players: lively, yet easy on a laptop. */
  private static final long START_EVERY_MILLIS = 300;

  /** Weighted so that levels are common and referrals rare. */
  private static final List<String> ACTIONS =
      List.of(
          "COMPLETE_LEVEL",
          "COMPLETE_LEVEL",
          "COMPLETE_LEVEL",
          "COMPLETE_LEVEL",
          "WIN_MATCH",
          "WIN_MATCH",
          "DAILY_LOGIN_BONUS",
          "REFER_FRIEND_COMPLETED");

  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "player-simulator"));
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private final String apiUrl;
  private final Map<String, String> tokens;

  private PlayerSimulator(String apiUrl, Map<String, String> tokens) {
    this.apiUrl = apiUrl;
    this.tokens = tokens;
  }

  static PlayerSimulator start(String commandApiUrl, DevAuthServer auth) {
    Map<String, String> tokens =
        DemoUsers.ids().stream()
            .collect(
                Collectors.toMap(id -> id, id -> auth.mint(id, DemoUsers.nameOf(id), List.of())));
    PlayerSimulator simulator = new PlayerSimulator(commandApiUrl, tokens);
    simulator.scheduler.scheduleAtFixedRate(
        simulator::playOnce, 0, START_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    return simulator;
  }

  private void playOnce() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Squaring skews activity towards the first players, so a few leaders emerge.
    int index = (int) (Math.pow(random.nextDouble(), 2) * DemoUsers.ids().size());
    String token = tokens.get(DemoUsers.ids().get(index));
    String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
    post("/api/v1/actions", token, Map.of("actionType", action))
        .thenAccept(
            started -> {
              if (started != null && started.statusCode() == 201) {
                String actionToken = json.readTree(started.body()).path("actionToken").asString();
                long playMillis = 1_000 + random.nextLong(2_000);
                scheduler.schedule(
                    () ->
                        post("/api/v1/actions/complete", token, Map.of("actionToken", actionToken)),
                    playMillis,
                    TimeUnit.MILLISECONDS);
              }
            });
  }

  private java.util.concurrent.CompletableFuture<HttpResponse<String>> post(
      String path, String token, Map<String, String> body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    // Refusals (quotas, rate limits) are part of the game; the simulator just plays on.
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionally(e -> null);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
