package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.metrics.PrometheusWindow.Gauge;
import dev.livescoreboard.bench.report.Row;
import dev.livescoreboard.bench.ws.SlowClientResults;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FanOutRowsTest {

  private static final double MIB = 1024 * 1024;

  private static GatewayFanOut fanOut(double written, double conflated, Gauge direct) {
    return new GatewayFanOut(
        Optional.of(900.0),
        Optional.of(600.0),
        Optional.of(written),
        Optional.of(conflated),
        Optional.of(direct),
        Optional.of(new Gauge(40 * MIB, 60 * MIB)),
        Optional.of(new Gauge(10 * MIB, 30 * MIB)));
  }

  @Test
  void framesRowShowsBroadcastsAndTheShareOfConflatedFrames() {
    Row row = FanOutRows.frames(fanOut(300_000, 100_000, new Gauge(0, 0)));

    assertThat(row.measured())
        .contains(
            "600 broadcasts of 900 top-N changes",
            "300,000 update frames written",
            "100,000 conflated",
            "25.0 % of frames");
  }

  @Test
  void gatewayWithoutCountersIsReportedAsNotAvailable() {
    List<Row> rows = FanOutRows.of(GatewayFanOut.none(), Optional.empty());

    assertThat(rows).hasSize(2);
    assertThat(rows).allSatisfy(r -> assertThat(r.measured()).startsWith("not available"));
  }

  @Test
  void memoryRowGivesDirectAndSurvivingHeapGrowthPerSlowClient() {
    Row row = FanOutRows.memory(fanOut(1, 1, new Gauge(8 * MIB, 28 * MIB)), 200);

    assertThat(row.target()).isEqualTo("bounded per slow client");
    assertThat(row.measured())
        .contains(
            "direct buffers 8.0 → 28.0 MiB", "heap 40.0 → 60.0 MiB", "old gen 10.0 → 30.0 MiB");
    assertThat(row.verdict()).isEqualTo("direct +102.4 KiB, old gen +102.4 KiB per slow client");
    assertThat(FanOutRows.memory(fanOut(1, 1, new Gauge(8 * MIB, 28 * MIB)), 0).verdict())
        .isEqualTo("–");
  }

  @Test
  void slowClientsMeetTheSpecOnlyWhenAllStayedAndCaughtUp() {
    Row all =
        FanOutRows.slowClients(
            new SlowClientResults(200, 200, 200, 200, 200, 4000, 200_000, 5_000, 77));
    Row lost =
        FanOutRows.slowClients(
            new SlowClientResults(200, 200, 200, 190, 190, 4000, 190_000, 5_000, 77));

    assertThat(all.measured())
        .contains(
            "200 of 200 stayed connected",
            "200 got the latest seq 77",
            "catch-up mean 1 / max 5 ms",
            "20.0 frames read per client");
    assertThat(all.verdict()).isEqualTo("met; 0 disconnected");
    assertThat(lost.verdict()).isEqualTo("MISSED; 10 disconnected");
    assertThat(
            FanOutRows.of(
                GatewayFanOut.none(),
                Optional.of(new SlowClientResults(1, 1, 1, 1, 1, 0, 0, 0, 1))))
        .hasSize(3);
  }
}
