package dev.livescoreboard.bench.http;

import io.netty.channel.EventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open-model action load: action {@code i} starts at its intended time whatever earlier actions
 * did; its complete is intended {@code completeDelay} later and sent as soon as both that time has
 * come and the start answered. User {@code i mod users} plays action {@code i}, so at the target
 * rate every user acts exactly every {@code users / rate} seconds, and less often during the
 * warm-up ramp (per-user rate limits hold).
 */
public final class ActionLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClientPool api;
  private final EventLoopGroup timers;
  private final List<String> accessTokens;
  private final byte[] startBody;
  private final long completeDelayNanos;
  private final CompletionMatcher matcher;
  private final ConcurrentHistogram startLatency = Histograms.concurrent();
  private final ConcurrentHistogram completeLatency = Histograms.concurrent();
  private final ConcurrentHistogram completeService = Histograms.concurrent();
  private final ConcurrentHashMap<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final LongAdder issued = new LongAdder();
  private final LongAdder completed = new LongAdder();
  private final AtomicLong inFlight = new AtomicLong();
  private volatile long measureFromNanos;

  public ActionLoad(
      HttpClientPool api,
      EventLoopGroup timers,
      List<String> accessTokens,
      String actionType,
      String board,
      Duration completeDelay,
      CompletionMatcher matcher) {
    this.api = api;
    this.timers = timers;
    this.accessTokens = List.copyOf(accessTokens);
    this.startBody = JSON.writeValueAsBytes(Map.of("actionType", actionType, "board", board));
    this.completeDelayNanos = completeDelay.toNanos();
    this.matcher = matcher;
  }

  /**
   * Runs the plan's warm-up ramp and measured window with {@code rate} as the target, records only
   * arrivals intended inside the window, and returns once every action answered (or {@code grace}
   * passed).
   */
  public ActionResults run(LoadPlan plan, double rate, Duration grace) throws InterruptedException {
    OpenSchedule schedule = plan.schedule(rate);
    measureFromNanos = plan.windowStartNanos();
    Pacer.start("action-pacer", schedule, plan.arrivals(schedule), this::startAction).join();
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
    Map<String, Long> errorCounts = new TreeMap<>();
    errors.forEach((k, v) -> errorCounts.put(k, v.sum()));
    if (inFlight.get() > 0) {
      errorCounts.put("unanswered after grace", inFlight.get());
    }
    double seconds = plan.duration().toNanos() / 1e9;
    return new ActionResults(
        issued.sum(),
        completed.sum(),
        completed.sum() / seconds,
        startLatency.copy(),
        completeLatency.copy(),
        completeService.copy(),
        errorCounts);
  }

  private void startAction(long index, long intendedNanos) {
    boolean measured = intendedNanos >= measureFromNanos;
    if (measured) {
      issued.increment();
    }
    inFlight.incrementAndGet();
    String auth = "Bearer " + accessTokens.get((int) (index % accessTokens.size()));
    api.postJson("/api/v1/actions", startBody, "Authorization", auth)
        .whenComplete(
            (reply, failure) -> {
              if (failure != null || reply.status() != 201) {
                error(measured, "start", reply, failure);
                inFlight.decrementAndGet();
                return;
              }
              if (measured) {
                Histograms.record(
                    startLatency, Histograms.micros(intendedNanos, reply.receivedNanos()));
              }
              String token = JSON.readTree(reply.body()).path("actionToken").asString();
              long completeAt = intendedNanos + completeDelayNanos;
              long wait = completeAt - System.nanoTime();
              if (wait <= 0) {
                complete(auth, token, completeAt, measured);
              } else {
                timers.schedule(
                    () -> complete(auth, token, completeAt, measured), wait, TimeUnit.NANOSECONDS);
              }
            });
  }

  private void complete(String auth, String actionToken, long intendedNanos, boolean measured) {
    long sentNanos = System.nanoTime();
    byte[] body = JSON.writeValueAsBytes(Map.of("actionToken", actionToken));
    api.postJson("/api/v1/actions/complete", body, "Authorization", auth)
        .whenComplete(
            (reply, failure) -> {
              inFlight.decrementAndGet();
              if (failure != null || reply.status() != 200) {
                error(measured, "complete", reply, failure);
                return;
              }
              JsonNode done = JSON.readTree(reply.body());
              matcher.responseReceived(
                  done.path("userId").asString(),
                  done.path("newScore").asLong(),
                  reply.receivedMicros());
              if (measured) {
                completed.increment();
                Histograms.record(
                    completeLatency, Histograms.micros(intendedNanos, reply.receivedNanos()));
                Histograms.record(
                    completeService, Histograms.micros(sentNanos, reply.receivedNanos()));
              }
            });
  }

  private void error(boolean measured, String step, HttpReply reply, Throwable failure) {
    if (!measured) {
      return;
    }
    String key =
        failure != null
            ? step + " " + failure.getClass().getSimpleName()
            : step + " " + reply.status() + " " + problemCode(reply.body());
    errors.computeIfAbsent(key, k -> new LongAdder()).increment();
  }

  static String problemCode(byte[] body) {
    try {
      return JSON.readTree(body).path("code").asString("?");
    } catch (RuntimeException e) {
      return new String(body, 0, Math.min(body.length, 40), StandardCharsets.UTF_8);
    }
  }
}
