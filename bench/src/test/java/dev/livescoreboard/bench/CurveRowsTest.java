package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionTally.Outcome;
import dev.livescoreboard.bench.http.CurvePlan;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class CurveRowsTest {

  private static final Map<String, String> HOME = Map.of("SCOREBOARD_HOME", "/repo");
  private static final long S = 1_000_000_000L;

  /** A 10 s step: offered and good per second, the rest refused; admitted answers at {@code ms}. */
  private static ActionResults step(long offered, long good, long ms, long... perSecondMs) {
    Histogram latency = new Histogram(1, 600_000_000L, 3);
    latency.recordValueWithCount(ms * 1000, good * 10);
    List<Histogram> perSecond = new ArrayList<>();
    for (long v : perSecondMs) {
      Histogram h = new Histogram(1, 600_000_000L, 2);
      h.recordValueWithCount(v * 1000, 10);
      perSecond.add(h);
    }
    Histogram refused = new Histogram(1, 600_000_000L, 3);
    refused.recordValueWithCount(2_000, Math.max(1, (offered - good) * 10));
    Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
    outcomes.put(Outcome.GOOD, good * 10);
    outcomes.put(Outcome.REFUSED, (offered - good) * 10);
    return new ActionResults(
        offered * 10,
        good * 10,
        good,
        good,
        Duration.ofSeconds(10),
        latency,
        latency,
        latency,
        refused,
        perSecond,
        outcomes,
        Map.of());
  }

  private static CurveMeasurements curve(List<ActionResults> actions) {
    BenchOptions o = BenchOptions.parse(new String[] {"--curve=100,400,1000"}, HOME);
    List<CurvePlan.Step> steps =
        List.of(
            new CurvePlan.Step(0, 100, 0, 10 * S, false),
            new CurvePlan.Step(1, 400, 10 * S, 20 * S, false),
            new CurvePlan.Step(2, 1000, 20 * S, 30 * S, false),
            new CurvePlan.Step(3, 100, 30 * S, 40 * S, true));
    ProcessStats.Result cpu =
        new ProcessStats.Result(
            Map.of(
                "command-api",
                new ProcessStats.Usage("command-api", List.of(1L), 1, 1, 1, 0.5, false),
                Target.BENCH_JVM,
                new ProcessStats.Usage(Target.BENCH_JVM, List.of(2L), 1, 1, 1, 0.25, false)),
            new ProcessStats.MachineCpu(1, 2));
    return new CurveMeasurements(o, steps, actions, List.of(cpu, cpu, cpu, cpu));
  }

  @Test
  void everyStepIsARowWithItsRatesRefusalsAndCpuPerAction() {
    CurveMeasurements m =
        curve(
            List.of(
                step(100, 100, 20),
                step(400, 400, 40),
                step(1000, 380, 150),
                step(100, 100, 30, 900, 30, 20)));

    List<List<String>> rows = CurveRows.rows(m);

    assertThat(rows).hasSize(4);
    assertThat(rows).allSatisfy(r -> assertThat(r).hasSameSizeAs(CurveRows.HEADER));
    assertThat(rows.get(2))
        .startsWith("3", "1,000", "380 (38 %)", "0.0", "620 (2.00)", "0", "0", "150 / 150");
    assertThat(rows.get(0).get(9))
        .as("0.5 cores at 100/s, the bench JVM not counted")
        .isEqualTo("0.50, 5.00");
    assertThat(CurveRows.benchCpu(m)).contains("1: 0.25", "recovery: 0.25");
    assertThat(rows.get(3).get(0)).isEqualTo("recovery");
  }

  @Test
  void overloadIsJudgedAgainstTheBestGoodputOfAnyStep() {
    String met =
        CurveRows.overload(
            curve(
                List.of(
                    step(100, 100, 20),
                    step(400, 400, 40),
                    step(1000, 380, 150),
                    step(100, 100, 30))));
    String missed =
        CurveRows.overload(
            curve(
                List.of(
                    step(100, 100, 20),
                    step(400, 400, 40),
                    step(1000, 300, 250),
                    step(100, 100, 30))));
    String notReached =
        CurveRows.overload(
            curve(
                List.of(
                    step(100, 100, 20),
                    step(400, 400, 40),
                    step(1000, 1000, 40),
                    step(100, 100, 30))));

    assertThat(met)
        .contains("Capacity (the best goodput of any step): 400 actions/s")
        .contains("step 3 (1,000/s offered, 2.5× the capacity): goodput 95 % of the capacity")
        .contains("(target ≥ 90 %) met, admitted p99 150 ms (target ≤ 200 ms) met")
        .doesNotContain("MISSED");
    assertThat(missed).contains("goodput 75 %", "MISSED");
    assertThat(notReached).contains("No step offered 2.5× that");
  }

  @Test
  void recoveryNamesTheSecondFromWhichOnThePerSecondP99WasNormal() {
    CurveMeasurements recovered =
        curve(
            List.of(
                step(100, 100, 20),
                step(400, 400, 40),
                step(1000, 380, 150),
                step(100, 100, 30, 900, 300, 30, 20)));
    CurveMeasurements never =
        curve(
            List.of(
                step(100, 100, 20),
                step(400, 400, 40),
                step(1000, 380, 150),
                step(100, 100, 30, 900, 300)));

    assertThat(CurveRows.recovery(recovered))
        .contains("from second 2 after the overload's end on (target ≤ 10 s) met")
        .as("each second's p99, at the two significant digits the seconds are kept with")
        .containsPattern("Its seconds' p99 \\(ms\\): 90\\d, 30\\d, 30\\.\\d, 20\\.\\d\\.$");
    assertThat(CurveRows.recovery(never)).contains("never stayed ≤ 200 ms within the 10 s step");
  }

  @Test
  void thePlotLeavesTheRecoveryStepOut() {
    CurveMeasurements m =
        curve(
            List.of(
                step(100, 100, 20), step(400, 400, 40), step(1000, 380, 150), step(100, 100, 30)));

    assertThat(CurveRows.points(m)).hasSize(3);
    assertThat(CurveRows.points(m).get(2).refused()).isEqualTo(620);
  }
}
