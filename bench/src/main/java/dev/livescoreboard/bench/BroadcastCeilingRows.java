package dev.livescoreboard.bench;

import dev.livescoreboard.bench.report.Percentiles;
import dev.livescoreboard.bench.report.Row;
import dev.livescoreboard.bench.ws.FleetResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
    rows.add(headline(m.gateway().broadcast(), m.bare().broadcast()));
    rows.add(
        ResultRows.latency(
            "broadcast to all, bare fan-out server (same clients, interleaved)",
            NONE,
            m.bare().broadcast(),
            0));
    rows.add(
        ResultRows.latency(
            "broadcast spread, gateway (last − first client)",
            NONE,
            m.gateway().broadcastSpread(),
            0));
    rows.add(
        ResultRows.latency(
            "broadcast spread, bare fan-out server", NONE, m.bare().broadcastSpread(), 0));
    rows.add(
        ResultRows.latency(
            "commit → last client, gateway (last client − sourceCommittedAt)",
            NONE,
            m.gateway().allDelivered(),
            0));
    rows.add(clients("WebSocket clients, gateway", m.gateway(), true));
    rows.add(clients("WebSocket clients, bare fan-out server", m.bare(), false));
    rows.add(FanOutRows.frames(m.fanOut()));
    rows.add(FanOutRows.memory(m.fanOut(), 0));
    rows.add(cpuPerFrame(m));
    rows.add(new Row("load generator per action (bench JVM)", NONE, perAction(m), NONE));
    m.processes()
        .values()
        .forEach(u -> rows.add(CpuRows.processRow(u, m.actions().answeredPerSecond())));
    double listed = m.processes().values().stream().mapToDouble(ProcessStats.Usage::cpuShare).sum();
    rows.add(
        new Row(
            "machine CPU (all processes)",
            NONE,
            String.format(
                Locale.ROOT,
                "%.2f of %d cores busy; rows above %.2f, other %.2f",
                m.machine().busyCores(),
                m.machine().cores(),
                listed,
                Math.max(0, m.machine().busyCores() - listed)),
            NONE));
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
                + " broadcasts, %d frames received, each frame the gateway's latest update (same"
                + " size) with a new seq and sentAt.",
            m.gateway().updates(),
            m.gateway().receipts(),
            m.bare().updates(),
            m.bare().receipts()));
    notes.add(
        "Both fleets are connected throughout, each in its own client JVM(s); the bare server runs"
            + " in its own JVM with the gateway's JVM options and as many event loops. It"
            + " broadcasts half an action interval after each gateway broadcast (the same bytes"
            + " with a new seq and sentAt), so the two alternate over the same window; the whole"
            + " stack serves the actions meanwhile.");
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

  /** CPU per update frame received, of each server and of each one's client JVMs. */
  private static Row cpuPerFrame(BroadcastCeilingMeasurements m) {
    String measured =
        String.format(
            Locale.ROOT,
            "gateway %.1f µs, bare fan-out server %.1f µs; their client JVMs %.1f µs and %.1f µs",
            m.cpuMicrosPerFrame(GatewayFanOut.SERVICE, m.gateway()),
            m.cpuMicrosPerFrame(BroadcastCeilingBench.BARE_SERVER, m.bare()),
            m.cpuMicrosPerFrame(BroadcastCeilingBench.GATEWAY_FLEET, m.gateway()),
            m.cpuMicrosPerFrame(BroadcastCeilingBench.BARE_FLEET, m.bare()));
    return new Row("CPU per update frame received", NONE, measured, NONE);
  }

  private static String perAction(BroadcastCeilingMeasurements m) {
    ProcessStats.Usage bench = m.processes().get(Target.BENCH_JVM);
    double actions = m.actions().achievedPerSecond();
    if (bench == null || actions <= 0) {
      return "not measured";
    }
    return String.format(
        Locale.ROOT,
        "%.1f ms CPU per action (%.3f cores at %s actions/s; also paces the bare server and holds"
            + " one parsing client per server)",
        bench.cpuShare() / actions * 1000,
        bench.cpuShare(),
        ResultRows.num(actions));
  }
}
