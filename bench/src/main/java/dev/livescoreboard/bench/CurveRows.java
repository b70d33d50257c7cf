package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionTally.Outcome;
import dev.livescoreboard.bench.http.CurvePlan;
import dev.livescoreboard.bench.report.CurvePlot;
import dev.livescoreboard.bench.report.Percentiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns {@link CurveMeasurements} into the curve's table (one row per step), its notes (the
 * definitions and the issue-15 / SPEC §10 verdicts) and the points of its plot.
 */
final class CurveRows {

  /** Overload as SPEC §10 names it: 2.5 times what the system serves. */
  static final double OVERLOAD = 2.5;

  /** At that overload the goodput stays at least this share of the capacity. */
  static final double GOODPUT_SHARE = 0.9;

  static final List<String> HEADER =
      List.of(
          "step",
          "offered/s",
          "goodput/s (share)",
          "2xx over SLO/s",
          "refused fast/s (p99 ms)",
          "timed out",
          "other errors",
          "admitted start p50 / p99 ms",
          "admitted complete p50 / p99 ms",
          "system CPU: cores, ms/action");

  private CurveRows() {}

  static List<List<String>> rows(CurveMeasurements m) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < m.steps().size(); i++) {
      CurvePlan.Step step = m.steps().get(i);
      ActionResults a = m.actions().get(i);
      double offered = a.perSecond(a.issued());
      double good = a.perSecond(a.count(Outcome.GOOD));
      double cores = systemCores(m.cpu().get(i));
      rows.add(
          List.of(
              step.recovery() ? "recovery" : Integer.toString(step.index() + 1),
              ResultRows.num(offered),
              ResultRows.num(good)
                  + " ("
                  + (a.issued() == 0 ? "–" : ResultRows.pct(good / offered))
                  + ")",
              ResultRows.num(a.perSecond(a.count(Outcome.SLOW))),
              ResultRows.num(a.perSecond(a.count(Outcome.REFUSED)))
                  + " ("
                  + Percentiles.fmt(Percentiles.of(a.refusedLatency()).p99())
                  + ")",
              Long.toString(a.count(Outcome.TIMED_OUT)),
              Long.toString(a.count(Outcome.FAILED)),
              p50p99(a.startLatency()),
              p50p99(a.completeLatency()),
              String.format(
                  Locale.ROOT,
                  "%.2f, %s",
                  cores,
                  offered > 0 ? Percentiles.fmt(cores * 1000 / offered) : "–")));
    }
    return rows;
  }

  static List<String> notes(CurveMeasurements m) {
    BenchOptions o = m.options();
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "Open model: arrivals from the schedule whatever the answers, no retries (every arrival"
                + " is a fresh action of the next of %d users, at most 8 a minute each). Each step"
                + " lasts %s s and its rate changes at once at its edge; the first follows a %s s warm-up"
                + " ramp (not recorded). An action is counted in the step its intended start falls"
                + " in. Goodput: start (201) and complete (200) each answered within %d ms of its"
                + " intended send. 2xx over SLO: both answered 2xx, one later than that. Refused"
                + " fast: the start or the complete answered 503 or 429 (p99 from the intended"
                + " send). Timed out: an answer later than %d ms after the intended send, or none"
                + " (the client gives up at %d ms). Admitted p50 / p99: every 2xx answer from its"
                + " intended send, late ones included. System CPU: the services, PostgreSQL, Redis"
                + " and Kafka (not the bench JVM) over the step, and per offered action.",
            o.users(),
            trim(o.step().toMillis() / 1000.0),
            trim(o.warmup().toMillis() / 1000.0),
            o.slo().toMillis(),
            BenchOptions.CURVE_TIMEOUT.toMillis(),
            BenchOptions.CURVE_TIMEOUT.toMillis()));
    notes.add(overload(m));
    notes.add(recovery(m));
    long timedOut = m.actions().stream().mapToLong(a -> a.count(Outcome.TIMED_OUT)).sum();
    notes.add(
        "No request waits more than "
            + BenchOptions.CURVE_TIMEOUT.toSeconds()
            + " s for an answer (SPEC §10): "
            + timedOut
            + " timed out over all steps, "
            + ResultRows.verdict(timedOut == 0)
            + ".");
    notes.add(benchCpu(m));
    for (int i = 0; i < m.steps().size(); i++) {
      Map<String, Long> errors = m.actions().get(i).errors();
      if (!errors.isEmpty()) {
        notes.add("Step " + label(m.steps().get(i)) + " answers other than 2xx: " + errors);
      }
    }
    return notes;
  }

  static List<CurvePlot.Point> points(CurveMeasurements m) {
    List<CurvePlot.Point> points = new ArrayList<>();
    for (int i = 0; i < m.steps().size(); i++) {
      if (m.steps().get(i).recovery()) {
        continue;
      }
      ActionResults a = m.actions().get(i);
      points.add(
          new CurvePlot.Point(
              a.perSecond(a.issued()),
              a.perSecond(a.count(Outcome.GOOD)),
              a.perSecond(a.count(Outcome.REFUSED)),
              Percentiles.of(a.completeLatency()).p99()));
    }
    return points;
  }

  /**
   * The verdict at {@value #OVERLOAD}× overload: the capacity is the best goodput of any step;
   * every step offered at least {@value #OVERLOAD} times that must keep {@value #GOODPUT_SHARE} of
   * it as goodput with admitted p99s ≤ 200 ms.
   */
  static String overload(CurveMeasurements m) {
    double capacity = 0;
    for (int i = 0; i < m.steps().size(); i++) {
      if (!m.steps().get(i).recovery()) {
        ActionResults a = m.actions().get(i);
        capacity = Math.max(capacity, a.perSecond(a.count(Outcome.GOOD)));
      }
    }
    List<String> verdicts = new ArrayList<>();
    for (int i = 0; i < m.steps().size(); i++) {
      ActionResults a = m.actions().get(i);
      double offered = a.perSecond(a.issued());
      if (m.steps().get(i).recovery() || capacity <= 0 || offered < OVERLOAD * capacity) {
        continue;
      }
      double share = a.perSecond(a.count(Outcome.GOOD)) / capacity;
      double p99 =
          Math.max(
              Percentiles.of(a.startLatency()).p99(), Percentiles.of(a.completeLatency()).p99());
      verdicts.add(
          String.format(
              Locale.ROOT,
              "step %s (%s/s offered, %.1f× the capacity): goodput %s of the capacity (target ≥ %s)"
                  + " %s, admitted p99 %s ms (target ≤ %s ms) %s",
              label(m.steps().get(i)),
              ResultRows.num(offered),
              offered / capacity,
              ResultRows.pct(share),
              ResultRows.pct(GOODPUT_SHARE),
              ResultRows.verdict(share >= GOODPUT_SHARE),
              Percentiles.fmt(p99),
              trim(Recovery.NORMAL_P99_MS),
              ResultRows.verdict(p99 <= Recovery.NORMAL_P99_MS)));
    }
    String head =
        "Capacity (the best goodput of any step): " + ResultRows.num(capacity) + " actions/s. ";
    return verdicts.isEmpty()
        ? head + "No step offered " + OVERLOAD + "× that, so the overload target is not measured."
        : head + "At ≥ " + OVERLOAD + "× overload: " + String.join("; ", verdicts) + ".";
  }

  /** The recovery step's verdict and its per-second p99s. */
  static String recovery(CurveMeasurements m) {
    int last = m.steps().size() - 1;
    CurvePlan.Step step = m.steps().get(last);
    Recovery r = Recovery.of(m.actions().get(last).completePerSecond(), Recovery.NORMAL_P99_MS);
    String when =
        r.seconds().isPresent()
            ? "the per-second p99 of admitted completes (by intended send) was ≤ "
                + trim(Recovery.NORMAL_P99_MS)
                + " ms from second "
                + r.seconds().getAsInt()
                + " after the overload's end on (target ≤ 10 s) "
                + ResultRows.verdict(r.within(10))
            : "the per-second p99 of admitted completes never stayed ≤ "
                + trim(Recovery.NORMAL_P99_MS)
                + " ms within the "
                + trim(step.length().toMillis() / 1000.0)
                + " s step (target ≤ 10 s) MISSED";
    return "Recovery at "
        + ResultRows.num(step.rate())
        + "/s right after the highest step: "
        + when
        + ". Its seconds' p99 (ms): "
        + String.join(
            ", ",
            r.p99Ms().stream().map(p -> Double.isNaN(p) ? "none" : Percentiles.fmt(p)).toList())
        + ".";
  }

  /** The services, PostgreSQL, Redis and Kafka: every watched process but the load generator. */
  private static double systemCores(ProcessStats.Result cpu) {
    return cpu.processes().values().stream()
        .filter(CpuRows::isSystem)
        .mapToDouble(ProcessStats.Usage::cpuShare)
        .sum();
  }

  /** The load generator's cores per step: on a shared machine it competes with the system. */
  static String benchCpu(CurveMeasurements m) {
    List<String> cores = new ArrayList<>();
    for (int i = 0; i < m.steps().size(); i++) {
      ProcessStats.Usage bench = m.cpu().get(i).processes().get(Target.BENCH_JVM);
      cores.add(
          label(m.steps().get(i))
              + ": "
              + (bench == null ? "–" : String.format(Locale.ROOT, "%.2f", bench.cpuShare())));
    }
    return "The bench JVM (the load generator, not in the system CPU column) used these cores per"
        + " step, on the same machine: "
        + String.join(", ", cores)
        + ".";
  }

  private static String label(CurvePlan.Step step) {
    return step.recovery() ? "recovery" : Integer.toString(step.index() + 1);
  }

  private static String p50p99(org.HdrHistogram.AbstractHistogram micros) {
    Percentiles p = Percentiles.of(micros);
    return Percentiles.fmt(p.p50()) + " / " + Percentiles.fmt(p.p99());
  }

  private static String trim(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
