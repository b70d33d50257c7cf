package dev.livescoreboard.infra;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Simulated players for the local stack: like a real frontend they start an action, play for a
 * moment, then complete it through the public write API, so the board keeps moving.
 *
 * <p>They retry as the README tells a frontend to: each complete carries its own {@code
 * Idempotency-Key}, and one that was refused with 503 or 429, or got no answer, is sent again with
 * that key after the player's {@link PlayerPacing} pause, a few times at most and only while its
 * action token is valid. A refused start is not repeated: the player's next start, after the pause,
 * is its retry. Other refusals are part of the game; the player plays on.
 *
 * <p>Threads: answers are handled on the simulator's one scheduler thread, which owns every
 * player's pacing.
 */
final class PlayerSimulator implements AutoCloseable {

  /** A new action starts this often across all players: lively, yet easy on a laptop. */
  private static final long START_EVERY_MILLIS = 300;

  /** Tries of one complete, the first included: a few, then the action is given up. */
  private static final int MAX_COMPLETE_TRIES = 4;

  /** A request unanswered this long counts as lost (and a complete is retried with its key). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

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
  private final List<Player> players;

  private PlayerSimulator(String apiUrl, List<Player> players) {
    this.apiUrl = apiUrl;
    this.players = players;
  }

  static PlayerSimulator start(String commandApiUrl, DevAuthServer auth) {
    List<Player> players =
        DemoUsers.ids().stream()
            .map(
                id ->
                    new Player(
                        auth.mint(id, DemoUsers.nameOf(id), List.of()),
                        new PlayerPacing(() -> ThreadLocalRandom.current().nextDouble())))
            .collect(Collectors.toUnmodifiableList());
    PlayerSimulator simulator = new PlayerSimulator(commandApiUrl, players);
    simulator.scheduler.scheduleAtFixedRate(
        simulator::playOnce, 0, START_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    return simulator;
  }

  private void playOnce() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // Squaring skews activity towards the first players, so a few leaders emerge.
    Player player = players.get((int) (Math.pow(random.nextDouble(), 2) * players.size()));
    String action = ACTIONS.get(random.nextInt(ACTIONS.size()));
    if (!player.pacing().restLeft(action, Instant.now()).isZero()) {
      return; // resting, as command-api asked
    }
    post("/api/v1/actions", player, Map.of("actionType", action), Map.of())
        .thenAcceptAsync(answer -> started(player, action, answer), scheduler);
  }

  private void started(Player player, String action, SimulatedAnswer answer) {
    player.pacing().answered(action, answer, Instant.now());
    if (answer.status() != 201) {
      return;
    }
    JsonNode body = json.readTree(answer.body());
    Complete complete =
        new Complete(
            action,
            body.path("actionToken").asString(),
            Instant.parse(body.path("expiresAt").asString()),
            // One key per action, kept for its retries: a retry after a lost answer replays it.
            UUID.randomUUID().toString());
    long playMillis = 1_000 + ThreadLocalRandom.current().nextLong(2_000);
    scheduler.schedule(() -> complete(player, complete, 1), playMillis, TimeUnit.MILLISECONDS);
  }

  private void complete(Player player, Complete complete, int attempt) {
    Duration rest = player.pacing().restLeft(complete.actionType(), Instant.now());
    if (!rest.isZero()) {
      // Refused meanwhile (another of its actions): this one waits out the same rest.
      completeLater(player, complete, attempt, rest);
      return;
    }
    post(
            "/api/v1/actions/complete",
            player,
            Map.of("actionToken", complete.actionToken()),
            Map.of("Idempotency-Key", complete.idempotencyKey()))
        .thenAcceptAsync(
            answer ->
                player
                    .pacing()
                    .answered(complete.actionType(), answer, Instant.now())
                    .filter(pause -> attempt < MAX_COMPLETE_TRIES)
                    .ifPresent(pause -> completeLater(player, complete, attempt + 1, pause)),
            scheduler);
  }

  /** Sends {@code complete} after {@code pause}, unless its action token is expired by then. */
  private void completeLater(Player player, Complete complete, int attempt, Duration pause) {
    if (Instant.now().plus(pause).isBefore(complete.expiresAt())) {
      scheduler.schedule(
          () -> complete(player, complete, attempt), pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private CompletableFuture<SimulatedAnswer> post(
      String path, Player player, Map<String, String> body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + player.accessToken())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
    headers.forEach(request::header);
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(response -> SimulatedAnswer.of(response, json))
        .exceptionally(e -> SimulatedAnswer.LOST);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private record Player(String accessToken, PlayerPacing pacing) {}

  /** A started action to complete, with what its retries reuse. */
  private record Complete(
      String actionType, String actionToken, Instant expiresAt, String idempotencyKey) {}
}
