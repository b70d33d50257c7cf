package dev.livescoreboard.bench;

import dev.livescoreboard.bench.metrics.PrometheusWindow;
import dev.livescoreboard.bench.report.Row;
import dev.livescoreboard.bench.ws.SlowClientResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report rows of the gateway's fan-out over the measured window: broadcasts and frames written
 * or conflated (its own counters), its memory at both ends, and what the slow clients saw. Side by
 * side, a run with and one without conflation show whether slow clients cost memory.
 */
final class FanOutRows {

  private static final String NONE = "–";
  private static final double MIB = 1024 * 1024;

  private FanOutRows() {}

  static List<Row> of(GatewayFanOut g, Optional<SlowClientResults> slow) {
    List<Row> rows = new ArrayList<>();
    rows.add(frames(g));
    rows.add(memory(g, slow.map(SlowClientResults::stayedConnected).orElse(0L)));
    slow.ifPresent(s -> rows.add(slowClients(s)));
    return rows;
  }

  static Row frames(GatewayFanOut g) {
    String metric = "gateway fan-out (its counters)";
    if (g.framesWritten().isEmpty() && g.conflated().isEmpty()) {
      return new Row(
          metric,
          NONE,
          "not available (no " + GatewayFanOut.WRITTEN + " on the gateway's /metrics)",
          NONE);
    }
    List<String> parts = new ArrayList<>();
    g.broadcasts()
        .ifPresent(
            b ->
                parts.add(
                    whole(b)
                        + " broadcasts"
                        + g.boardChanges()
                            .map(c -> " of " + whole(c) + " top-N changes")
                            .orElse("")));
    g.framesWritten().ifPresent(w -> parts.add(whole(w) + " update frames written"));
    if (g.conflated().isPresent()) {
      double skipped = g.conflated().get();
      double all = skipped + g.framesWritten().orElse(0.0);
      parts.add(
          whole(skipped)
              + " conflated (skipped for not-writable channels, "
              + String.format(Locale.ROOT, "%.1f %%", all > 0 ? 100 * skipped / all : 0.0)
              + " of frames)");
    } else {
      parts.add("conflated: no " + GatewayFanOut.CONFLATED + " counter");
    }
    return new Row(metric, NONE, String.join("; ", parts), NONE);
  }

  /**
   * Direct buffers and heap at both ends; with slow clients also the growth per slow client of what
   * a queued write costs: direct memory (a per-client copy of the frame) and the surviving heap
   * (the queue entries).
   */
  static Row memory(GatewayFanOut g, long slowClients) {
    String metric = "gateway memory in use (window start → end)";
    String target = slowClients > 0 ? "bounded per slow client" : NONE;
    if (g.directMemory().isEmpty() && g.heapUsed().isEmpty() && g.oldGen().isEmpty()) {
      return new Row(
          metric, target, "not available (no JVM memory gauges on the gateway's /metrics)", NONE);
    }
    List<String> parts = new ArrayList<>();
    g.directMemory().ifPresent(d -> parts.add("direct buffers " + mib(d)));
    g.heapUsed().ifPresent(h -> parts.add("heap " + mib(h)));
    g.oldGen().ifPresent(h -> parts.add("old gen " + mib(h)));
    List<String> perClient = new ArrayList<>();
    if (slowClients > 0) {
      g.directMemory().ifPresent(d -> perClient.add("direct " + growth(d, slowClients)));
      g.oldGen().ifPresent(h -> perClient.add("old gen " + growth(h, slowClients)));
    }
    String verdict = perClient.isEmpty() ? NONE : String.join(", ", perClient) + " per slow client";
    return new Row(metric, target, String.join("; ", parts), verdict);
  }

  static Row slowClients(SlowClientResults s) {
    String measured =
        String.format(
            Locale.ROOT,
            "%d of %d stayed connected (%d connected, %d stopped reading after their SNAPSHOT); after resuming, "
                + "%d got the latest seq %d: catch-up mean %.0f / max %.0f ms, %.1f frames read per client",
            s.stayedConnected(),
            s.requested(),
            s.connected(),
            s.paused(),
            s.caughtUp(),
            s.latestSeq(),
            s.catchUpMeanMicros() / 1000,
            s.catchUpMaxMicros() / 1000.0,
            s.framesPerClient());
    boolean met =
        s.paused() == s.requested()
            && s.stayedConnected() == s.paused()
            && s.caughtUp() == s.stayedConnected();
    long lost = s.paused() - s.stayedConnected();
    return new Row(
        "slow WebSocket clients (not reading during the window)",
        "stay connected, get the latest state",
        measured,
        ResultRows.verdict(met) + "; " + lost + " disconnected");
  }

  private static String growth(PrometheusWindow.Gauge g, long clients) {
    return String.format(Locale.ROOT, "%+.1f KiB", (g.end() - g.begin()) / 1024 / clients);
  }

  private static String mib(PrometheusWindow.Gauge g) {
    return String.format(Locale.ROOT, "%.1f → %.1f MiB", g.begin() / MIB, g.end() / MIB);
  }

  private static String whole(double v) {
    return String.format(Locale.ROOT, "%,.0f", v);
  }
}
