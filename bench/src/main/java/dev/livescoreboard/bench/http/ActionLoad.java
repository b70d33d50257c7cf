package dev.livescoreboard.bench.http;

import dev.livescoreboard.bench.http.ActionTally.Outcome;
import io.netty.channel.EventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open-model action load: action {@code i} starts at its intended time whatever earlier actions
 * did; its complete is intended {@code completeDelay} later and sent as soon as both that time has
 * come and the start answered. User {@code i mod users} plays action {@code i}, so at the target
 * rate every user acts exactly every {@code users / rate} seconds, and less often at lower rates
 * (per-user rate limits hold). Every action is recorded in the {@link ActionTally} of the span its
 * intended start falls in (the measured window, or a curve's step), or nowhere (warm-up).
 */
public final class ActionLoad {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Told of every complete that answered 200 (e.g. to match it with a WebSocket update). */
  public interface Completions {
    void received(String userId, long newScore, long receivedMicros);

    Completions NONE = (userId, newScore, receivedMicros) -> {};
  }

  /** The tally an action intended at a given time is recorded in; {@code null}: not recorded. */
  private interface Spans {
    ActionTally at(long intendedNanos);
  }

  private final HttpClientPool api;
  private final EventLoopGroup timers;
  private final List<String> accessTokens;
  private final byte[] startBody;
  private final long completeDelayNanos;
  private final Completions completions;
  private final long goodMicros;
  private final long timeoutMicros;
  private final AtomicLong inFlight = new AtomicLong();
  // Set once per run, before the first arrival: which tally counts an answer by its arrival time.
  private volatile Spans spans = t -> null;

  public ActionLoad(
      HttpClientPool api,
      EventLoopGroup timers,
      List<String> accessTokens,
      String actionType,
      String board,
      Duration completeDelay,
      ActionSlo slo,
      Completions completions) {
    this.api = api;
    this.timers = timers;
    this.accessTokens = List.copyOf(accessTokens);
    this.startBody = JSON.writeValueAsBytes(Map.of("actionType", actionType, "board", board));
    this.completeDelayNanos = completeDelay.toNanos();
    this.goodMicros = slo.good().toNanos() / 1_000;
    this.timeoutMicros = slo.timeout().toNanos() / 1_000;
    this.completions = completions;
  }

  /**
   * Runs the plan's warm-up ramp and measured window with {@code rate} as the target, records only
   * arrivals intended inside the window, and returns once every action answered (or {@code grace}
   * passed).
   */
  public ActionResults run(LoadPlan plan, double rate, Duration grace) throws InterruptedException {
    OpenSchedule schedule = plan.schedule(rate);
    ActionTally window = new ActionTally(plan.windowStartNanos(), plan.duration(), false);
    long from = plan.windowStartNanos();
    drive(schedule, plan.arrivals(schedule), t -> t >= from ? window : null, grace);
    return window.results();
  }

  /**
   * Runs a curve's warm-up and steps as one open-model schedule and returns each step's results (in
   * {@link CurvePlan#steps()} order, with admitted completes per second).
   */
  public List<ActionResults> run(CurvePlan plan, Duration grace) throws InterruptedException {
    List<CurvePlan.Step> steps = plan.steps();
    List<ActionTally> tallies = new ArrayList<>();
    for (CurvePlan.Step s : steps) {
      tallies.add(new ActionTally(s.fromNanos(), s.length(), true));
    }
    drive(
        plan,
        plan.arrivals(),
        t -> {
          CurvePlan.Step s = plan.stepAt(t);
          return s == null ? null : tallies.get(s.index());
        },
        grace);
    return tallies.stream().map(ActionTally::results).toList();
  }

  private void drive(Arrivals schedule, long arrivals, Spans spans, Duration grace)
      throws InterruptedException {
    this.spans = spans;
    Pacer.start(
            "action-pacer",
            schedule,
            arrivals,
            (index, intended) -> startAction(index, intended, spans.at(intended)))
        .join();
    long deadline = System.nanoTime() + grace.toNanos();
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }

  /** {@code tally} is {@code null} for an action that is not recorded. */
  private void startAction(long index, long intendedNanos, ActionTally tally) {
    if (tally != null) {
      tally.issued();
    }
    inFlight.incrementAndGet();
    String auth = "Bearer " + accessTokens.get((int) (index % accessTokens.size()));
    api.postJson("/api/v1/actions", startBody, "Authorization", auth)
        .whenComplete(
            (reply, failure) -> {
              long latency =
                  failure == null ? Histograms.micros(intendedNanos, reply.receivedNanos()) : 0;
              if (failure != null || reply.status() != 201) {
                failed(tally, "start", reply, failure, latency, Outcome.GOOD);
                inFlight.decrementAndGet();
                return;
              }
              if (tally != null) {
                tally.started(latency);
              }
              // A late start still gets its complete (the service did the work; the wait was
              // mostly in this client's connection pool), but the action counts as timed out.
              Outcome startVerdict =
                  latency > timeoutMicros
                      ? Outcome.TIMED_OUT
                      : latency <= goodMicros ? Outcome.GOOD : Outcome.SLOW;
              String token = JSON.readTree(reply.body()).path("actionToken").asString();
              long completeAt = intendedNanos + completeDelayNanos;
              long wait = completeAt - System.nanoTime();
              if (wait <= 0) {
                complete(auth, token, completeAt, tally, startVerdict);
              } else {
                timers.schedule(
                    () -> complete(auth, token, completeAt, tally, startVerdict),
                    wait,
                    TimeUnit.NANOSECONDS);
              }
            });
  }

  private void complete(
      String auth,
      String actionToken,
      long intendedNanos,
      ActionTally tally,
      Outcome startVerdict) {
    long sentNanos = System.nanoTime();
    byte[] body = JSON.writeValueAsBytes(Map.of("actionToken", actionToken));
    api.postJson("/api/v1/actions/complete", body, "Authorization", auth)
        .whenComplete(
            (reply, failure) -> {
              inFlight.decrementAndGet();
              long latency =
                  failure == null ? Histograms.micros(intendedNanos, reply.receivedNanos()) : 0;
              if (failure != null || reply.status() != 200) {
                failed(tally, "complete", reply, failure, latency, startVerdict);
                return;
              }
              ActionTally byAnswer = spans.at(reply.receivedNanos());
              if (byAnswer != null) {
                byAnswer.answered(reply.receivedNanos());
              }
              JsonNode done = JSON.readTree(reply.body());
              completions.received(
                  done.path("userId").asString(),
                  done.path("newScore").asLong(),
                  reply.receivedMicros());
              if (tally != null) {
                tally.completed(
                    intendedNanos, latency, Histograms.micros(sentNanos, reply.receivedNanos()));
              }
              Outcome verdict =
                  latency > timeoutMicros
                      ? Outcome.TIMED_OUT
                      : latency <= goodMicros ? Outcome.GOOD : Outcome.SLOW;
              ended(tally, worse(verdict, startVerdict));
            });
  }

  /** A non-2xx answer or a failure: a refusal, a timeout or another error. */
  private void failed(
      ActionTally tally,
      String step,
      HttpReply reply,
      Throwable failure,
      long latency,
      Outcome startVerdict) {
    if (tally == null) {
      return;
    }
    tally.error(
        failure != null
            ? step + " " + failure.getClass().getSimpleName()
            : step + " " + reply.status() + " " + problemCode(reply.body()));
    boolean refusal = failure == null && (reply.status() == 503 || reply.status() == 429);
    if (refusal) {
      tally.refused(latency);
    }
    Outcome verdict =
        failure instanceof TimeoutException || (failure == null && latency > timeoutMicros)
            ? Outcome.TIMED_OUT
            : refusal ? Outcome.REFUSED : Outcome.FAILED;
    tally.ended(worse(verdict, startVerdict));
  }

  /** The worse of two verdicts on one action ({@link Outcome} lists them best first). */
  static Outcome worse(Outcome a, Outcome b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static void ended(ActionTally tally, Outcome outcome) {
    if (tally != null) {
      tally.ended(outcome);
    }
  }

  static String problemCode(byte[] body) {
    try {
      return JSON.readTree(body).path("code").asString("?");
    } catch (RuntimeException e) {
      return new String(body, 0, Math.min(body.length, 40), StandardCharsets.UTF_8);
    }
  }
}
