package dev.livescoreboard.bench;

import dev.livescoreboard.bench.BroadcastCeilingMeasurements.Phase;
import dev.livescoreboard.bench.report.Percentiles;
import dev.livescoreboard.bench.report.Row;
import dev.livescoreboard.bench.ws.FleetResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/**
 * The report of a {@code --broadcast-ceiling} run: the gateway's broadcast-to-all time next to the
 * bare fan-out server's, their p99 ratio against SPEC §8's 1.25×, and what each phase cost the
 * machine, the load generator included.
 */
final class BroadcastCeilingRows {

  /** SPEC §8: where 100 ms is out of reach, within this factor of the bare fan-out server. */
  static final double MAX_RATIO = 1.25;

  static final double TARGET_MS = 100;

  private static final String NONE = "–";

  private BroadcastCeilingRows() {}

  static List<Row> of(BroadcastCeilingMeasurements m) {
    List<Row> rows = new ArrayList<>();
    rows.add(headline(m.gateway().fleet().broadcast(), m.bare().fleet().broadcast()));
    rows.add(
        ResultRows.latency(
            "broadcast to all, bare fan-out server (same clients, same schedule)",
            NONE,
            m.bare().fleet().broadcast(),
            0));
    rows.add(
        ResultRows.latency(
            "broadcast spread, gateway (last − first client)",
            NONE,
            m.gateway().fleet().broadcastSpread(),
            0));
    rows.add(
        ResultRows.latency(
            "broadcast spread, bare fan-out server", NONE, m.bare().fleet().broadcastSpread(), 0));
    rows.add(
        ResultRows.latency(
            "commit → last client, gateway (last client − sourceCommittedAt)",
            NONE,
            m.gateway().fleet().allDelivered(),
            0));
    rows.add(clients("WebSocket clients, gateway", m.gateway().fleet(), true));
    rows.add(clients("WebSocket clients, bare fan-out server", m.bare().fleet(), false));
    rows.add(FanOutRows.frames(m.gateway().fanOut()));
    rows.add(FanOutRows.memory(m.gateway().fanOut(), 0));
    rows.add(cpuPerFrame(m));
    rows.add(
        new Row("load generator per action (bench JVM, gateway phase)", NONE, perAction(m), NONE));
    rows.addAll(processRows("gateway phase", m.gateway()));
    rows.addAll(processRows("bare phase", m.bare()));
    rows.add(
        new Row(
            "errors (actions)",
            "0",
            Long.toString(m.actions().errorCount()),
            ResultRows.verdict(m.actions().errorCount() == 0)));
    return rows;
  }

  /**
   * The gateway's broadcast to all against SPEC §8: met below 100 ms, or within {@value
   * #MAX_RATIO}× the bare fan-out server's p99 (µs histograms).
   */
  static Row headline(AbstractHistogram gatewayMicros, AbstractHistogram bareMicros) {
    Percentiles gateway = Percentiles.of(gatewayMicros);
    Percentiles bare = Percentiles.of(bareMicros);
    String verdict;
    if (gateway.count() == 0) {
      verdict = "no samples";
    } else if (bare.count() == 0) {
      verdict = "no bare fan-out samples; " + ResultRows.verdict(gateway.p99() <= TARGET_MS);
    } else {
      double ratio = gateway.p99() / bare.p99();
      verdict =
          String.format(Locale.ROOT, "%.2f× the bare fan-out's p99 ", ratio)
              + ResultRows.verdict(gateway.p99() <= TARGET_MS || ratio <= MAX_RATIO);
    }
    return new Row(
        "broadcast to all, gateway (last client − sentAt)",
        "p99 ≤ 100 ms, or ≤ " + MAX_RATIO + "× the bare fan-out",
        gateway.summary(),
        verdict);
  }

  static List<String> notes(BroadcastCeilingMeasurements m) {
    List<String> notes = new ArrayList<>();
    notes.add(
        String.format(
            Locale.ROOT,
            "Broadcast to all = the last client's receipt of an update − the server's sentAt (when"
                + " it began sending that update), per update; the same clients' code measures"
                + " both servers. Gateway: %d updates, %d frames received; bare fan-out server: %d"
                + " broadcasts, %d frames received, each frame the gateway's last update (same"
                + " size) with a new seq and sentAt.",
            m.gateway().fleet().updates(),
            m.gateway().fleet().receipts(),
            m.bare().fleet().updates(),
            m.bare().fleet().receipts()));
    notes.add(
        "The phases run one after the other with the same number of clients in fresh client JVMs;"
            + " the bare server runs in its own JVM with the gateway's JVM options and as many"
            + " event loops. During the gateway phase the whole stack serves the actions that"
            + " cause the broadcasts; during the bare phase the stack is idle.");
    if (!m.actions().errors().isEmpty()) {
      notes.add("Action errors: " + m.actions().errors());
    }
    return notes;
  }

  private static Row clients(String metric, FleetResults fleet, boolean target) {
    return new Row(
        metric,
        target ? "15,000 on one gateway" : NONE,
        fleet.connected()
            + " of "
            + fleet.requested()
            + ", delivered share "
            + ResultRows.pct(fleet.deliveredShare()),
        (target ? ResultRows.verdict(fleet.connected() >= 15_000) + "; " : "")
            + fleet.disconnects()
            + " disconnects");
  }

  /** CPU per update frame received, of each server and of the client JVMs in both phases. */
  private static Row cpuPerFrame(BroadcastCeilingMeasurements m) {
    String measured =
        String.format(
            Locale.ROOT,
            "gateway %.1f µs, bare fan-out server %.1f µs; client JVMs %.1f µs (gateway phase),"
                + " %.1f µs (bare phase)",
            m.gateway().cpuMicrosPerFrame(m.gateway().server()),
            m.bare().cpuMicrosPerFrame(m.bare().server()),
            fleetMicrosPerFrame(m.gateway()),
            fleetMicrosPerFrame(m.bare()));
    return new Row("CPU per update frame received", NONE, measured, NONE);
  }

  private static double fleetMicrosPerFrame(Phase phase) {
    return phase.processes().keySet().stream()
        .filter(name -> name.startsWith(BenchRun.FLEET))
        .findFirst()
        .map(phase::cpuMicrosPerFrame)
        .orElse(Double.NaN);
  }

  private static String perAction(BroadcastCeilingMeasurements m) {
    ProcessStats.Usage bench = m.gateway().processes().get(Target.BENCH_JVM);
    double actions = m.actions().achievedPerSecond();
    if (bench == null || actions <= 0) {
      return "not measured";
    }
    return String.format(
        Locale.ROOT,
        "%.2f ms CPU per action (%.3f cores at %s actions/s)",
        bench.cpuShare() / actions * 1000,
        bench.cpuShare(),
        ResultRows.num(actions));
  }

  private static List<Row> processRows(String phase, Phase p) {
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, ProcessStats.Usage> e : p.processes().entrySet()) {
      Row row = ResultRows.processRow(e.getValue());
      rows.add(new Row(phase + ": " + row.metric(), row.target(), row.measured(), row.verdict()));
    }
    double listed = p.processes().values().stream().mapToDouble(ProcessStats.Usage::cpuShare).sum();
    rows.add(
        new Row(
            phase + ": machine CPU (all processes)",
            NONE,
            String.format(
                Locale.ROOT,
                "%.2f of %d cores busy; rows above %.2f, other %.2f",
                p.machine().busyCores(),
                p.machine().cores(),
                listed,
                Math.max(0, p.machine().busyCores() - listed)),
            NONE));
    return rows;
  }
}
