package dev.livescoreboard.system.drill;

import dev.livescoreboard.infra.PlayerPacing;
import dev.livescoreboard.infra.SimulatedAnswer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One player of the drills, playing through the public write API exactly as README's "Writing a
 * frontend" says: start an action, play a moment, complete it with an {@code Idempotency-Key} of
 * its own; a complete refused with 503 or 429, or left without an answer, is sent again with the
 * same key after infra's {@link PlayerPacing} pause (Retry-After with jitter, or back-off), a few
 * times at most and only while the action token is valid. Every request and action goes into the
 * {@link ActionLog}.
 *
 * <p>Each player has its own HTTP client, hence its own connections, so a layer-4 balancer in front
 * of several command-apis spreads the players over them. Answers are handled on the one loop thread
 * shared by all players, which owns every player's pacing.
 */
final class DrillPlayer {

  /** Tries of one complete, the first included: README's "a few times at most". */
  static final int MAX_COMPLETE_TRIES = 4;

  /** Longer than {@link ActionLog#ANSWER_BOUND}, so a late answer is seen as late, not as none. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final String userId;
  private final String bearer;
  private final String apiUrl;
  private final ScheduledExecutorService loop;
  private final ActionLog log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final PlayerPacing pacing =
      new PlayerPacing(() -> ThreadLocalRandom.current().nextDouble());

  DrillPlayer(
      String userId, String bearer, String apiUrl, ScheduledExecutorService loop, ActionLog log) {
    this.userId = userId;
    this.bearer = bearer;
    this.apiUrl = apiUrl;
    this.loop = loop;
    this.log = log;
  }

  String userId() {
    return userId;
  }

  /** Whether command-api asked this player to wait before playing {@code actionType}. */
  boolean resting(String actionType) {
    return !pacing.restLeft(actionType, Instant.now()).isZero();
  }

  /**
   * Plays one action of {@code actionType} to its end. The future completes with the action once
   * its complete had its final answer (acknowledged or given up), or with {@code null} when the
   * start was refused or failed.
   */
  CompletableFuture<ActionLog.Action> play(String actionType) {
    CompletableFuture<ActionLog.Action> done = new CompletableFuture<>();
    post("/api/v1/actions", Map.of("actionType", actionType), Map.of())
        .thenAcceptAsync(reply -> started(actionType, reply, done), loop);
    return done;
  }

  private void started(String actionType, Reply reply, CompletableFuture<ActionLog.Action> done) {
    pacing.answered(actionType, reply.answer(), Instant.now());
    if (reply.answer().status() != 201) {
      done.complete(null);
      return;
    }
    JsonNode body = JSON.readTree(reply.answer().body());
    String token = body.path("actionToken").asString();
    Started action =
        new Started(
            actionType,
            token,
            Instant.parse(body.path("expiresAt").asString()),
            UUID.randomUUID().toString(),
            log.started(userId, nonceOf(token)),
            done);
    long playMillis = 200 + ThreadLocalRandom.current().nextLong(500);
    loop.schedule(() -> complete(action, 1), playMillis, TimeUnit.MILLISECONDS);
  }

  private void complete(Started action, int attempt) {
    Duration rest = pacing.restLeft(action.actionType(), Instant.now());
    if (!rest.isZero()) {
      retryLater(action, attempt, rest);
      return;
    }
    post(
            "/api/v1/actions/complete",
            Map.of("actionToken", action.token()),
            Map.of("Idempotency-Key", action.idempotencyKey()))
        .thenAcceptAsync(reply -> completed(action, attempt, reply), loop);
  }

  private void completed(Started action, int attempt, Reply reply) {
    SimulatedAnswer answer = reply.answer();
    Optional<Duration> pause = pacing.answered(action.actionType(), answer, Instant.now());
    if (answer.served()) {
      JsonNode body = JSON.readTree(answer.body());
      action
          .logged()
          .acknowledged(
              body.path("eventId").asString(), body.path("newScore").asLong(), reply.replayed());
      action.done().complete(action.logged());
    } else if (pause.isPresent() && attempt < MAX_COMPLETE_TRIES) {
      retryLater(action, attempt + 1, pause.get());
    } else {
      action.done().complete(action.logged());
    }
  }

  /** Sends the complete again after {@code pause}, unless its token has expired by then. */
  private void retryLater(Started action, int attempt, Duration pause) {
    if (Instant.now().plus(pause).isBefore(action.expiresAt())) {
      loop.schedule(() -> complete(action, attempt), pause.toMillis(), TimeUnit.MILLISECONDS);
    } else {
      action.done().complete(action.logged());
    }
  }

  private CompletableFuture<Reply> post(
      String path, Map<String, String> body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(apiUrl + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    ActionLog.Request logged = log.sent("POST " + path);
    return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
        .thenApply(
            response -> {
              logged.answered(response.statusCode());
              return new Reply(
                  SimulatedAnswer.of(response, JSON),
                  response.headers().firstValue("Idempotent-Replayed").isPresent());
            })
        .exceptionally(
            e -> {
              logged.answered(0);
              return new Reply(SimulatedAnswer.LOST, false);
            });
  }

  /** The {@code nonce} claim of an action token (a compact JWS; its payload is plain JSON). */
  private static String nonceOf(String actionToken) {
    String payload = actionToken.split("\\.")[1];
    return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8))
        .path("nonce")
        .asString();
  }

  private record Reply(SimulatedAnswer answer, boolean replayed) {}

  /** A started action and what its retries reuse. */
  private record Started(
      String actionType,
      String token,
      Instant expiresAt,
      String idempotencyKey,
      ActionLog.Action logged,
      CompletableFuture<ActionLog.Action> done) {}
}
