package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.CurvePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CPU of the system's processes over each step of a curve: a {@link ProcessStats} per step, begun
 * and ended exactly at the step's edges on one timer thread, so the warm-up and the grace period
 * after the last step count nowhere.
 */
final class StepCpu implements AutoCloseable {

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "curve-steps");
            t.setDaemon(true);
            return t;
          });
  private final List<CompletableFuture<ProcessStats.Result>> steps = new ArrayList<>();

  private StepCpu() {}

  static StepCpu arm(List<CurvePlan.Step> steps, List<ProcessStats.Watched> watched) {
    StepCpu cpu = new StepCpu();
    long now = System.nanoTime();
    for (CurvePlan.Step step : steps) {
      ProcessStats stats = new ProcessStats(watched);
      CompletableFuture<ProcessStats.Result> result = new CompletableFuture<>();
      long begin = Math.max(0, step.fromNanos() - now);
      cpu.timer.schedule(stats::begin, begin, TimeUnit.NANOSECONDS);
      cpu.timer.schedule(
          () -> {
            try {
              result.complete(stats.end());
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
            }
          },
          Math.max(begin, step.toNanos() - now),
          TimeUnit.NANOSECONDS);
      cpu.steps.add(result);
    }
    return cpu;
  }

  /** Each step's CPU, in step order (normally all ended before the load returns). */
  List<ProcessStats.Result> await(Duration timeout) throws InterruptedException {
    List<ProcessStats.Result> results = new ArrayList<>();
    try {
      for (CompletableFuture<ProcessStats.Result> step : steps) {
        results.add(step.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("measuring a step's CPU failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("a curve step did not end in time", e);
    }
    return results;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
