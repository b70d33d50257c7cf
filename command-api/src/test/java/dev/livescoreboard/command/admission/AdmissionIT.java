package dev.livescoreboard.command.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.netflix.concurrency.limits.Limiter;
import dev.livescoreboard.command.CommandApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Admission control against the real application with a fixed limit of {@value #LIMIT} concurrent
 * writes and a backlog of one. A test that needs the limit reached takes the permits itself,
 * exactly as requests inside the handlers would hold them, so which requests are refused does not
 * depend on how fast this machine happens to be.
 */
class AdmissionIT extends CommandApiTestBase {

  private static final int LIMIT = 2;
  private static final int BACKLOG = 1;
  private static final int POINTS = 10; // COMPLETE_LEVEL
  private static final String START = "{\"actionType\":\"COMPLETE_LEVEL\"}";
  // Long enough that a waiting request outlives the test's own steps on a slow machine.
  private static final Duration MAX_WAIT = Duration.ofSeconds(2);

  @DynamicPropertySource
  static void smallLimit(DynamicPropertyRegistry registry) {
    registry.add("scoreboard.admission.initial-limit", () -> LIMIT);
    registry.add("scoreboard.admission.min-limit", () -> LIMIT);
    registry.add("scoreboard.admission.max-limit", () -> LIMIT);
    registry.add("scoreboard.admission.backlog", () -> BACKLOG);
    registry.add("scoreboard.admission.max-wait", MAX_WAIT::toString);
  }

  @Autowired AdmissionControl admission;
  @Autowired MeterRegistry meters;

  private final List<Limiter.Listener> held = new ArrayList<>();

  @AfterEach
  void releasePermits() {
    held.forEach(Limiter.Listener::onIgnore);
    held.clear();
  }

  private void holdAllPermits() {
    assertThat(admission.limit()).isEqualTo(LIMIT);
    // A request gives its permit back just after its response went out (a response with a
    // Content-Length is whole at the client by then), so the last one answered may still hold one.
    for (int i = 0; i < LIMIT; i++) {
      held.add(await().until(admission::admitStart, Optional::isPresent).orElseThrow());
    }
  }

  private double refusedSoFar() {
    return meters.counter("scoreboard.admission.refused").count();
  }

  private long score(String bearer) {
    Response me = get("/api/v1/users/me", bearer);
    assertThat(me.status()).isEqualTo(200);
    return me.body().path("scores").path(0).path("score").asLong(0);
  }

  private static void assertRefused(Response response) {
    assertThat(response.status()).isEqualTo(503);
    assertThat(response.code()).isEqualTo("UNAVAILABLE");
    assertThat(response.body().path("requestId").asString()).isNotBlank();
    assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
  }

  /** Starts every call at once and returns the pending answers, in the order of the calls. */
  private static <T> List<Future<T>> fire(ExecutorService pool, List<Supplier<T>> calls) {
    CountDownLatch go = new CountDownLatch(1);
    List<Future<T>> answers = new ArrayList<>();
    for (Supplier<T> call : calls) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return call.get();
              }));
    }
    go.countDown();
    return answers;
  }

  private List<String> startActions(String bearer, int n) {
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tokens.add(startAction(bearer, "COMPLETE_LEVEL"));
    }
    return tokens;
  }

  @Test
  void aBurstPastTheLimitIsRefusedAtOnceWithRetryAfterAndChangesNothing() throws Exception {
    int burst = 12;
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    List<String> tokens = startActions(bearer, burst);
    double refusedBefore = refusedSoFar();
    holdAllPermits();
    ExecutorService pool = Executors.newFixedThreadPool(burst);
    try {
      List<Future<Response>> answers =
          fire(
              pool,
              tokens.stream().<Supplier<Response>>map(t -> () -> complete(bearer, t)).toList());

      // Every request got its answer (refused) or sits in the backlog; none can be admitted.
      await().until(() -> refusedSoFar() - refusedBefore + admission.waiting() == burst);
      assertThat(score(bearer)).isZero();
      releasePermits();
      List<Response> responses = new ArrayList<>();
      for (Future<Response> answer : answers) {
        responses.add(answer.get());
      }

      List<Integer> refused = new ArrayList<>();
      List<Long> newScores = new ArrayList<>();
      for (int i = 0; i < burst; i++) {
        Response response = responses.get(i);
        if (response.status() == 200) {
          newScores.add(response.body().path("newScore").asLong());
        } else {
          assertRefused(response);
          refused.add(i);
        }
      }
      // All but the backlog: one place, or a few when requests raced for it.
      assertThat(refused.size()).isGreaterThanOrEqualTo(burst / 2);
      // The requests that waited were served once permits were free, each counting once.
      assertThat(newScores)
          .containsExactlyInAnyOrderElementsOf(
              LongStream.rangeClosed(1, newScores.size()).map(n -> n * POINTS).boxed().toList());
      assertThat(score(bearer)).isEqualTo((long) POINTS * newScores.size());
      assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user))
          .isEqualTo(newScores.size());
      // A refused complete used up nothing: its action token still counts, once.
      for (int i : refused) {
        assertThat(complete(bearer, tokens.get(i)).status()).isEqualTo(200);
      }
      assertThat(score(bearer)).isEqualTo((long) POINTS * burst);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aCompleteThatGetsNoPermitWithinMaxWaitIsRefusedAndMaySimplyBeSentAgain() {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startActions(bearer, 1).get(0);
    holdAllPermits();

    // The backlog is empty, so this one waits there for max-wait, then gives up.
    Response refused = complete(bearer, token);

    assertRefused(refused);
    releasePermits();
    // The refused complete used up nothing: its action token still counts, once.
    assertThat(complete(bearer, token).status()).isEqualTo(200);
    assertThat(score(bearer)).isEqualTo(POINTS);
  }

  @Test
  void aStartIsRefusedAtOnceWhileACompleteWaitsForTheNextFreePermit() throws Exception {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startActions(bearer, 1).get(0);
    Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());
    holdAllPermits();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Response> waitingComplete = pool.submit(() -> complete(bearer, token));
      await().until(() -> admission.waiting() == 1);

      long sent = System.nanoTime();
      Response start = post("/api/v1/actions", bearer, START, key);

      // Refused without taking the backlog's place or waiting for max-wait there.
      assertRefused(start);
      assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(MAX_WAIT);
      // The permit that frees up goes to the complete of the action already started.
      held.remove(0).onIgnore();
      assertThat(waitingComplete.get().status()).isEqualTo(200);
      releasePermits();
      Response served = post("/api/v1/actions", bearer, START, key);
      assertThat(served.status()).isEqualTo(201);
      // Not a replay of a stored refusal, and the refused start used none of the caller's quota:
      // only the first start and this one count.
      assertThat(served.headers().firstValue("Idempotent-Replayed")).isEmpty();
      assertThat(served.headers().firstValue("RateLimit-Remaining")).hasValue("999998");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentWritesPastTheLimitAreServedExactlyOnceOrRefusedUntilSentAgain() throws Exception {
    int players = 16;
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    List<String> pending = startActions(bearer, players);
    List<Long> newScores = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(players);
    try {
      // Each round the first request to arrive finds a free permit, so the loop ends.
      while (!pending.isEmpty()) {
        List<Future<Response>> answers =
            fire(
                pool,
                pending.stream().<Supplier<Response>>map(t -> () -> complete(bearer, t)).toList());
        List<String> refused = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
          Response response = answers.get(i).get();
          if (response.status() == 200) {
            newScores.add(response.body().path("newScore").asLong());
          } else {
            assertRefused(response);
            refused.add(pending.get(i));
          }
        }
        assertThat(refused).hasSizeLessThan(pending.size());
        pending = refused;
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(newScores)
        .containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, players).map(n -> n * POINTS).boxed().toList());
    assertThat(score(bearer)).isEqualTo((long) POINTS * players);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user))
        .isEqualTo(players);
  }
}
