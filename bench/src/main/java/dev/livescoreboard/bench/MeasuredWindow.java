package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.LoadPlan;
import dev.livescoreboard.bench.metrics.PrometheusWindow;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What is measured beside the load over exactly the load's measured window: process CPU and memory
 * (begun at the window's start, memory sampled every 5 s, ended at its end) and the services'
 * Prometheus histograms (scraped at both ends). The warm-up ramp is outside it, so JIT compilation
 * during the warm-up does not count. Everything runs on one timer thread.
 */
final class MeasuredWindow implements AutoCloseable {

  // Reading PostgreSQL's memory walks the page tables of ~30 processes: every second that was a
  // quarter of the load generator's CPU at 50 actions/s, for a figure that changes slowly.
  private static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

  /** What the window measured. */
  record Result(ProcessStats.Result processes, PipelineMetrics pipeline) {}

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "measured-window");
            t.setDaemon(true);
            return t;
          });
  private final CompletableFuture<Result> result = new CompletableFuture<>();

  private MeasuredWindow() {}

  /** Arms the window of {@code plan}: begins and ends {@code stats} and {@code scraper} on time. */
  static MeasuredWindow arm(LoadPlan plan, ProcessStats stats, PrometheusWindow scraper) {
    MeasuredWindow window = new MeasuredWindow();
    long now = System.nanoTime();
    long start = Math.max(0, plan.windowStartNanos() - now);
    long end = Math.max(start, plan.windowEndNanos() - now);
    window.timer.schedule(
        () -> {
          stats.begin();
          scraper.begin();
        },
        start,
        TimeUnit.NANOSECONDS);
    ScheduledFuture<?> sampling =
        window.timer.scheduleAtFixedRate(
            stats::sample,
            start + SAMPLE_EVERY.toNanos(),
            SAMPLE_EVERY.toNanos(),
            TimeUnit.NANOSECONDS);
    window.timer.schedule(
        () -> {
          sampling.cancel(false);
          try {
            ProcessStats.Result processes = stats.end();
            scraper.end();
            window.result.complete(new Result(processes, PipelineMetrics.of(scraper)));
          } catch (RuntimeException e) {
            window.result.completeExceptionally(e);
          }
        },
        end,
        TimeUnit.NANOSECONDS);
    return window;
  }

  /** Waits for the window's end (normally already past when the load returns). */
  Result await(Duration timeout) throws InterruptedException {
    try {
      return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("measuring the window failed", e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("the measured window did not end in time", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
