package dev.livescoreboard.testsupport;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * SPEC §10's bound on every answer of every service, also while a dependency hangs: 5 s. The one
 * timing the tests assert, generous on purpose (a loaded two-core machine); performance belongs to
 * the benchmarks.
 */
public final class AnswerBound {

  public static final Duration SPEC = Duration.ofSeconds(5);

  private AnswerBound() {}

  /** {@code request}'s answer; fails the test when it takes longer than {@link #SPEC}. */
  public static <T> T within(ThrowingSupplier<T> request) {
    return assertTimeoutPreemptively(SPEC, request);
  }

  /** Sends every request at once; each answer must come within {@link #SPEC}. */
  public static <T> List<T> allWithin(List<ThrowingSupplier<T>> requests) {
    ExecutorService clients = Executors.newFixedThreadPool(requests.size());
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (ThrowingSupplier<T> request : requests) {
        answers.add(clients.submit(() -> within(request)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get());
      }
      return results;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) {
        throw error; // the assertion that failed
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      clients.shutdownNow();
    }
  }
}
