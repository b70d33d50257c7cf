package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.ActionTally.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A goodput curve of two tiny steps and the recovery step, a few seconds each, against a local
 * stack it starts: every step is measured and reported, and the plot is written. Not a performance
 * test: no timing is asserted.
 */
class CurveSmokeIT {

  @Test
  void shortCurveMeasuresEveryStepAndWritesTheTableAndThePlot() throws Exception {
    Path home = Path.of("..").toAbsolutePath().normalize();
    Path report = Path.of("target", "curve-smoke", "benchmarks.md").toAbsolutePath();
    Files.deleteIfExists(report);
    String[] args = {
      "--curve=4,8", "--step=3s", "--warmup=2s", "--label=curve-smoke", "--report=" + report
    };
    BenchOptions options = BenchOptions.parse(args, Map.of("SCOREBOARD_HOME", home.toString()));

    CurveMeasurements m = BenchMain.curve(options, args, Map.of());

    assertThat(m.steps()).hasSize(3);
    assertThat(m.steps().get(2).recovery()).isTrue();
    assertThat(m.steps().get(2).rate()).as("recovery at the first step's rate").isEqualTo(4);
    assertThat(m.cpu()).hasSize(3);
    assertThat(m.cpu().get(0).processes()).containsKeys("command-api", "postgresql");
    assertThat(m.cpu().get(0).processes()).containsKey(Target.BENCH_JVM);
    for (ActionResults step : m.actions()) {
      assertThat(step.issued()).isPositive();
      assertThat(step.outcomes().values().stream().mapToLong(Long::longValue).sum())
          .as("every action ends in exactly one outcome")
          .isEqualTo(step.issued());
      assertThat(step.count(Outcome.FAILED)).as("no answer other than 2xx, 503 or 429").isZero();
      assertThat(step.completePerSecond()).hasSize(3);
    }
    String md = Files.readString(report);
    assertThat(md)
        .contains(
            "<!-- bench-run: curve-smoke -->",
            "Command: `java -jar bench/target/bench.jar --curve=4,8",
            "| step | offered/s | goodput/s (share) |",
            "| 1 | ",
            "| 2 | ",
            "| recovery | ",
            "Capacity (the best goodput of any step)",
            "Recovery at 4.0/s right after the highest step",
            "for an answer (SPEC §10)",
            "The bench JVM (the load generator",
            "bench-curve-smoke-curve.png");
    assertThat(report.resolveSibling("bench-curve-smoke-curve.png")).isNotEmptyFile();
  }
}
