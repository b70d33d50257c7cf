package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole bench for a few seconds at tiny rates against a local stack it starts: every phase
 * runs, the stack's Kafka broker and the WebSocket clients live in JVMs of their own (and are gone
 * afterwards), and the report has every section. Not a performance test: no timing is asserted.
 */
class BenchSmokeIT {

  @Test
  void shortRunMeasuresEveryPhaseAndWritesTheReport() throws Exception {
    Path home = Path.of("..").toAbsolutePath().normalize();
    Path report = Path.of("target", "bench-smoke", "benchmarks.md").toAbsolutePath();
    Files.deleteIfExists(report);
    String[] args = {
      "--rate=5",
      "--duration=5s",
      "--warmup=2s",
      "--ws=20",
      "--slow-clients=5",
      "--sse=3",
      "--personal=1000",
      "--gets=10",
      "--ceiling-seconds=1s",
      "--label=smoke",
      "--report=" + report
    };
    BenchOptions options = BenchOptions.parse(args, Map.of("SCOREBOARD_HOME", home.toString()));

    Measurements m = BenchMain.run(options, args, Map.of());

    assertThat(m.actions().achievedPerSecond()).isPositive();
    assertThat(m.actions().errors()).isEmpty();
    assertThat(m.fleet().connected()).as("slow clients are counted apart").isEqualTo(20);
    assertThat(m.slowClients())
        .hasValueSatisfying(
            s -> {
              assertThat(s.connected()).isEqualTo(5);
              assertThat(s.paused()).isEqualTo(5);
              assertThat(s.stayedConnected()).isEqualTo(5);
              assertThat(s.caughtUp()).as("resumed clients reach the latest seq").isEqualTo(5);
            });
    assertThat(m.sse())
        .hasValueSatisfying(
            s -> {
              assertThat(s.connected()).as("every SSE reader got its snapshot").isEqualTo(3);
              assertThat(s.refused()).isZero();
              assertThat(s.ended()).isZero();
            });
    assertThat(m.personal())
        .hasValueSatisfying(
            p -> {
              assertThat(p.connected())
                  .as(
                      "every player holds an authenticated socket (--personal is capped at --users)")
                  .isEqualTo(options.users());
              assertThat(p.rankChanged())
                  .as("players entering the fresh board are told their rank")
                  .isPositive();
            });
    assertThat(m.pipeline().gateway().framesWritten())
        .as("the gateway's /metrics is scraped")
        .isPresent();
    assertThat(m.getsOpen()).hasValueSatisfying(g -> assertThat(g.errors()).isZero());
    assertThat(m.getsMax().ok()).isPositive();
    assertThat(m.rankMax().ok()).isPositive();
    assertThat(m.rankMax().errors()).as("every ranked user answers").isZero();
    assertThat(m.aroundMax().ok()).isPositive();
    assertThat(m.aroundMax().errors()).isZero();
    assertThat(m.staticFile()).hasValueSatisfying(s -> assertThat(s.ok()).isPositive());
    assertThat(m.postgres()).hasValueSatisfying(p -> assertThat(p.failures()).isZero());
    assertThat(m.processes())
        .containsKeys(
            "realtime-gateway",
            "command-api",
            "leaderboard-projector",
            "kafka-broker",
            "postgresql",
            "redis",
            Target.BENCH_JVM,
            "bench WebSocket clients (1 JVM)");
    assertThat(m.processes().get("kafka-broker").pids())
        .as("Kafka runs in its own JVM")
        .doesNotContain(ProcessHandle.current().pid());
    assertThat(m.processes().get("kafka-broker").pids())
        .allSatisfy(
            pid ->
                assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true)));
    String md = Files.readString(report);
    assertThat(md)
        .contains(
            "# Benchmarks",
            "<!-- bench-run: smoke -->",
            "Command: `java -jar bench/target/bench.jar --rate=5",
            "Machine: ",
            "completed actions/s",
            "Postgres ceiling, write tx/s",
            "POST complete (from intended send)",
            "e2e propagation",
            "broadcast to all",
            "WebSocket clients",
            "SSE readers",
            "SSE complete response → update (each reader)",
            "RANK_CHANGED to authenticated WebSocket players",
            "complete response → own RANK_CHANGED",
            "gateway fan-out (its counters)",
            "gateway memory in use",
            "slow WebSocket clients (not reading during the window)",
            "GET top-10, open model",
            "GET top-10, max",
            "GET user rank, max",
            "GET around (radius 5), max",
            "static-file ceiling",
            "outbox lag (commit → Kafka ack)",
            "realtime-gateway RSS",
            "kafka-broker RSS / CPU",
            "postgresql PSS / CPU",
            "machine CPU (all processes)",
            "errors (actions)",
            "bench-smoke-latency.png");
    assertThat(report.resolveSibling("bench-smoke-latency.png")).isNotEmptyFile();
  }
}
