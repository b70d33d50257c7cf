package dev.livescoreboard.command.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.livescoreboard.command.RulesTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ActionQuotaIT extends RulesTestBase {

  @Autowired MeterRegistry meters;

  private String newPlayer() {
    String user = newUserId();
    provision(user);
    return user;
  }

  private void assertQuotaExceeded(Response response, long maxRetryAfterSeconds) {
    assertThat(response.status()).isEqualTo(429);
    assertThat(response.code()).isEqualTo("QUOTA_EXCEEDED");
    long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, maxRetryAfterSeconds);
  }

  @Test
  void maxPerHourRefusesTheNextCompleteWritesNothingAndKeepsTheToken() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    for (int i = 0; i < 3; i++) {
      assertThat(complete(bearer, startAction(bearer, "HOURLY")).status()).isEqualTo(200);
    }
    String fourth = startAction(bearer, "HOURLY");
    String before = footprint(user);

    Response refused = complete(bearer, fourth);

    assertQuotaExceeded(refused, 3600);
    assertThat(footprint(user)).isEqualTo(before);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(3);

    // An hour later (moved back in time here) the same, unconsumed token completes.
    jdbc.sql(
            "UPDATE score_events SET committed_at = committed_at - interval '61 minutes' WHERE user_id = ?")
        .param(user)
        .update();
    Response later = complete(bearer, fourth);
    assertThat(later.status()).isEqualTo(200);
    assertThat(later.body().path("newScore").asLong()).isEqualTo(4);
  }

  @Test
  void maxPerDayRefusesTheThirdCompleteOfTheUtcDay() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    assertThat(complete(bearer, startAction(bearer, "DAILY")).status()).isEqualTo(200);
    assertThat(complete(bearer, startAction(bearer, "DAILY")).status()).isEqualTo(200);
    String third = startAction(bearer, "DAILY");
    String before = footprint(user);

    Response refused = complete(bearer, third);

    assertQuotaExceeded(refused, 86_400);
    assertThat(footprint(user)).isEqualTo(before);
    // Other actions are not limited by it.
    assertThat(complete(bearer, startAction(bearer, "WIN_MATCH")).status()).isEqualTo(200);
  }

  @Test
  void oncePerDayAllowsOneCompleteAndAReplayStaysAConflict() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String first = startAction(bearer, "ONCE");
    assertThat(complete(bearer, first).status()).isEqualTo(200);
    String second = startAction(bearer, "ONCE");
    String before = footprint(user);

    assertQuotaExceeded(complete(bearer, second), 86_400);
    Response replay = complete(bearer, first);

    assertThat(replay.status()).isEqualTo(409);
    assertThat(replay.code()).isEqualTo("ACTION_ALREADY_COMPLETED");
    assertThat(footprint(user)).isEqualTo(before);
  }

  @Test
  void quotaHitsAreCountedAsSecurityEvents() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    complete(bearer, startAction(bearer, "ONCE"));
    double before = quotaEvents();

    assertQuotaExceeded(complete(bearer, startAction(bearer, "ONCE")), 86_400);

    assertThat(quotaEvents()).isEqualTo(before + 1);
  }

  private double quotaEvents() {
    return meters
        .get("scoreboard.security.events")
        .tag("event", "quota_exceeded")
        .counter()
        .count();
  }

  @Test
  void completingFasterThanMinSecondsIsRefusedUntilTheTimeHasPassed() {
    String user = newPlayer();
    String bearer = tokenFor(user);
    String token = startAction(bearer, "SLOW");

    Response tooFast = complete(bearer, token);

    assertThat(tooFast.status()).isEqualTo(400);
    assertThat(tooFast.code()).isEqualTo("ACTION_TOO_FAST");
    assertThat(footprint(user)).isEqualTo("0/0/0/0");
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> complete(bearer, token).status() == 200);
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(3);
  }

  @Test
  void theQuotaHoldsUnderConcurrentCompletes() throws Exception {
    String user = newPlayer();
    String bearer = tokenFor(user);
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      tokens.add(startAction(bearer, "RACE"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(10);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (String token : tokens) {
        statuses.add(
            pool.submit(
                () -> {
                  go.await();
                  return complete(bearer, token).status();
                }));
      }
      go.countDown();
      List<Integer> results = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        results.add(status.get());
      }

      assertThat(results).filteredOn(s -> s == 200).hasSize(3);
      assertThat(results).filteredOn(s -> s == 429).hasSize(7);
    } finally {
      pool.shutdownNow();
    }
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isEqualTo(3);
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(3);
  }
}
