package dev.livescoreboard.system.drill;

import dev.livescoreboard.infra.LocalStack;
import dev.livescoreboard.testsupport.UniqueNames;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fault drills (issue 14, SPEC §10) on a stack of their own: under a steady load of players who
 * retry as README says, each fault in turn — a service killed with SIGKILL, a server down, flushed,
 * restarted or hung — and after each, every acknowledged action is in PostgreSQL exactly once,
 * published to Kafka and shown alike by PostgreSQL, the gateway and live viewers, with a clean
 * consistency audit ({@link PipelineChecks}). Prints a table of faults, actions and outcomes. The
 * long variant: {@code -Dscoreboard.drills.long=true} ({@link DrillSettings}).
 */
class FaultDrillsIT {

  private static final int VIEWERS = 3;
  private static final DrillSettings SETTINGS = DrillSettings.fromSystemProperties();
  private static final DrillTable TABLE = new DrillTable();
  private static final List<Viewer> viewers = new ArrayList<>();

  private static LocalStack stack;
  private static Players players;
  private static DrillRunner runner;

  @BeforeAll
  static void startStackLoadAndViewers() {
    stack = DrillStacks.start("drills", 1);
    String prefix = UniqueNames.of("drill").replace('_', '-');
    players = new Players(stack.commandApiUrl(), stack.auth());
    SteadyLoad load = new SteadyLoad(players, prefix, SETTINGS.players(), SETTINGS.period());
    for (int i = 1; i <= VIEWERS; i++) {
      String viewer = prefix + "-viewer-" + i;
      viewers.add(
          Viewer.watch(
              stack.gatewayUrl(),
              PipelineChecks.BOARD,
              stack.auth().mint(viewer, "Viewer " + i, List.of())));
    }
    runner =
        new DrillRunner(
            new DrillContext(stack, load, viewers, SETTINGS),
            new PipelineChecks(stack, List.of(stack.gatewayUrl())),
            TABLE,
            prefix);
  }

  @AfterAll
  static void printTableAndStop() {
    TABLE.print(System.out, "Fault drills, " + SETTINGS);
    viewers.forEach(Viewer::close);
    if (players != null) {
      players.close();
    }
    if (stack != null) {
      stack.close();
    }
  }

  /** Every fault, once per round. */
  static Stream<Fault> drills() {
    List<Fault> faults = Faults.all(SETTINGS);
    if (SETTINGS.rounds() == 1) {
      return faults.stream();
    }
    return IntStream.rangeClosed(1, SETTINGS.rounds())
        .boxed()
        .flatMap(
            round ->
                faults.stream()
                    .map(f -> new Fault("round " + round + ": " + f, f.hangs(), f.injection())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("drills")
  void everyAcknowledgedActionIsStoredOncePublishedAndShownAfter(Fault fault) throws Exception {
    runner.run(fault);
  }
}
