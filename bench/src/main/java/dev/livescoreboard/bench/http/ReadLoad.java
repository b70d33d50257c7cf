package dev.livescoreboard.bench.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;

/**
 * GET load on one path or a rotation of paths: an open model at a fixed rate (latency from the
 * intended send time), and a closed loop of {@code connections} back-to-back requesters for the
 * maximum throughput. The closed loop is also what measures the static-file ceiling, so both
 * numbers come from the same client.
 */
public final class ReadLoad {

  private final HttpClientPool http;
  private final List<String> paths;
  private final AtomicLong next = new AtomicLong();

  public ReadLoad(HttpClientPool http, String path) {
    this(http, List.of(path));
  }

  /** Each request asks for the next of {@code paths}, round robin (e.g. one per user). */
  public ReadLoad(HttpClientPool http, List<String> paths) {
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("no paths");
    }
    this.http = http;
    this.paths = List.copyOf(paths);
  }

  private String nextPath() {
    return paths.size() == 1
        ? paths.get(0)
        : paths.get((int) (next.getAndIncrement() % paths.size()));
  }

  /**
   * Open model: the plan's warm-up ramp and window with {@code rate}/s as the target, recording
   * arrivals intended inside the window.
   */
  public ReadResults open(LoadPlan plan, double rate, Duration grace) throws InterruptedException {
    Tally tally = new Tally();
    OpenSchedule schedule = plan.schedule(rate);
    long measureFrom = plan.windowStartNanos();
    long arrivals = plan.arrivals(schedule);
    AtomicLong inFlight = new AtomicLong();
    Pacer.start(
            "get-pacer",
            schedule,
            arrivals,
            (i, intended) -> {
              inFlight.incrementAndGet();
              boolean measured = intended >= measureFrom;
              if (measured) {
                tally.requests.increment();
              }
              http.get(nextPath())
                  .whenComplete(
                      (reply, failure) -> {
                        inFlight.decrementAndGet();
                        if (measured) {
                          tally.record(reply, failure, intended);
                        }
                      });
            })
        .join();
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    return tally.results(plan.duration());
  }

  /** Closed loop: {@code connections} requesters, each sending its next GET when one answers. */
  public ReadResults closedLoop(int connections, Duration duration) throws InterruptedException {
    Tally tally = new Tally();
    long end = System.nanoTime() + duration.toNanos();
    CountDownLatch done = new CountDownLatch(connections);
    for (int c = 0; c < connections; c++) {
      loop(tally, end, done);
    }
    // Requests still open after the timeout have failed by then; the tally counts them.
    done.await(duration.toMillis() + 35_000, TimeUnit.MILLISECONDS);
    return tally.results(duration);
  }

  private void loop(Tally tally, long end, CountDownLatch done) {
    long sent = System.nanoTime();
    if (sent >= end) {
      done.countDown();
      return;
    }
    tally.requests.increment();
    http.get(nextPath())
        .whenComplete(
            (reply, failure) -> {
              tally.record(reply, failure, sent);
              loop(tally, end, done);
            });
  }

  /** Counters of one phase. */
  private static final class Tally {
    final LongAdder requests = new LongAdder();
    final LongAdder ok = new LongAdder();
    final LongAdder errors = new LongAdder();
    final ConcurrentHistogram latency = Histograms.concurrent();
    volatile int responseBytes;

    void record(HttpReply reply, Throwable failure, long fromNanos) {
      if (failure != null || (reply.status() != 200 && reply.status() != 304)) {
        errors.increment();
        return;
      }
      ok.increment();
      responseBytes = reply.body().length;
      Histograms.record(latency, Histograms.micros(fromNanos, reply.receivedNanos()));
    }

    ReadResults results(Duration duration) {
      return new ReadResults(
          requests.sum(),
          ok.sum(),
          errors.sum(),
          ok.sum() / (duration.toNanos() / 1e9),
          latency.copy(),
          responseBytes);
    }
  }
}
