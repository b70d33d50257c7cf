package dev.livescoreboard.system.drill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs one fault under the steady load: the load flows, the fault is injected and repaired, a probe
 * measures the recovery, the load flows again and stops, then the {@link PipelineChecks} run. Each
 * drill adds its row to the table, failed or not.
 */
final class DrillRunner {

  /** Acknowledged actions awaited before a fault and after recovery: the load is flowing. */
  private static final int FLOWING = 3;

  private final DrillContext drill;
  private final PipelineChecks checks;
  private final DrillTable table;
  private final String probePrefix;
  private int probes;

  DrillRunner(DrillContext drill, PipelineChecks checks, DrillTable table, String probePrefix) {
    this.drill = drill;
    this.checks = checks;
    this.table = table;
    this.probePrefix = probePrefix;
  }

  void run(Fault fault) throws Exception {
    SteadyLoad load = drill.load();
    Instant injected = null;
    Instant repaired = null;
    Instant recovered = null;
    Duration recovery = null;
    String outcome = "FAILED";
    load.start();
    try {
      awaitFlowing(Instant.now());
      injected = Instant.now();
      String note = fault.injection().inject(drill);
      repaired = Instant.now();
      recovery = RecoveryProbe.measure(repaired, nextProbe(), drill.stack().gatewayUrl());
      recovered = Instant.now();
      awaitFlowing(recovered);
      load.stop();
      String verified = checks.verify(load.log(), drill.viewers());
      outcome = "checks hold (" + verified + ")";
      if (fault.hangs()) {
        ActionLog.Tally tally = load.log().tally(injected, recovered);
        assertThat(tally.late())
            .as(
                "requests not answered within %d s while %s: %s, slowest %.1f s",
                ActionLog.ANSWER_BOUND.toSeconds(),
                fault,
                tally.latePaths(),
                tally.slowest().toMillis() / 1000.0)
            .isZero();
      }
      outcome = "ok: " + note + "; " + verified;
    } catch (Exception | AssertionError e) {
      String failure = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      outcome = "FAILED: " + failure + (outcome.equals("FAILED") ? "" : "; " + outcome);
      throw e;
    } finally {
      load.stop();
      Instant from = injected == null ? Instant.now() : injected;
      table.add(
          new DrillTable.Row(
              fault.name(),
              load.log().tally(from, recovered == null ? Instant.now() : recovered),
              repaired == null ? null : Duration.between(from, repaired),
              recovery,
              outcome));
    }
  }

  private DrillPlayer nextProbe() {
    probes++;
    return drill.load().players().player(probePrefix + "-probe-" + probes, "Probe " + probes);
  }

  private void awaitFlowing(Instant since) {
    await("the load flowing")
        .atMost(Duration.ofMinutes(2))
        .until(() -> drill.load().log().acknowledgedSince(since) >= FLOWING);
  }
}
