package dev.livescoreboard.command.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.command.CommandApiTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ConcurrentCompleteIT extends CommandApiTestBase {

  private static final int N = 24;

  /** Runs all calls at once (released together) and returns their results. */
  private static <T> List<T> concurrently(List<Supplier<T>> calls) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(calls.size());
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (Supplier<T> call : calls) {
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.get();
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentCompletesOfOneUserAllCountWithGaplessVersions() throws Exception {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    List<Supplier<Response>> calls = new ArrayList<>();
    for (int i = 0; i < N; i++) {
      String token = startAction(bearer, "COMPLETE_LEVEL");
      calls.add(() -> complete(bearer, token));
    }

    List<Response> responses = concurrently(calls);

    assertThat(responses).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
    assertThat(responses.stream().map(r -> r.body().path("newScore").asLong()).distinct())
        .hasSize(N);
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(10L * N);
    assertThat(count("SELECT version FROM user_scores WHERE user_id = ?", user)).isEqualTo(N);
    List<Long> versions =
        jdbc.sql("SELECT user_version FROM score_events WHERE user_id = ? ORDER BY user_version")
            .param(user)
            .query(Long.class)
            .list();
    assertThat(versions)
        .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, N).boxed().toList());
    // Each event continues exactly where the previous one ended.
    assertThat(
            count(
                "SELECT count(*) FROM score_events e JOIN score_events p ON p.user_id = e.user_id"
                    + " AND p.user_version = e.user_version - 1"
                    + " WHERE e.user_id = ? AND e.previous_score = p.new_score",
                user))
        .isEqualTo(N - 1);
    assertThat(count("SELECT count(*) FROM outbox WHERE aggregateid = ?", "global:" + user))
        .isEqualTo(N);
  }

  @Test
  void sameTokenFiredConcurrentlyCompletesExactlyOnce() throws Exception {
    String user = newUserId();
    provision(user);
    String bearer = tokenFor(user);
    String token = startAction(bearer, "WIN_MATCH");
    List<Supplier<Response>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(() -> complete(bearer, token));
    }

    List<Response> responses = concurrently(calls);

    assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(1);
    assertThat(responses.stream().filter(r -> r.status() != 200))
        .hasSize(11)
        .allSatisfy(
            r -> {
              assertThat(r.status()).isEqualTo(409);
              assertThat(r.code()).isEqualTo("ACTION_ALREADY_COMPLETED");
            });
    assertThat(count("SELECT score FROM user_scores WHERE user_id = ?", user)).isEqualTo(20);
    assertThat(count("SELECT count(*) FROM score_events WHERE user_id = ?", user)).isOne();
    assertThat(count("SELECT count(*) FROM outbox WHERE aggregateid = ?", "global:" + user))
        .isOne();
  }
}
