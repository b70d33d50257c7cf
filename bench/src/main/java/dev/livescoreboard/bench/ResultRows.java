package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.ReadResults;
import dev.livescoreboard.bench.report.Percentiles;
import dev.livescoreboard.bench.report.Row;
import dev.livescoreboard.bench.sse.SseResults;
import dev.livescoreboard.bench.ws.PersonalResults;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.AbstractHistogram;

/** Turns {@link Measurements} into the report's rows: SPEC §8 targets next to the results. */
final class ResultRows {

  private static final String NONE = "–";

  private ResultRows() {}

  static List<Row> of(Measurements m) {
    List<Row> rows = new ArrayList<>();
    double actions = m.actions().achievedPerSecond();
    double offered = m.options().rate();
    // Sustained: every offered action completed, none failed, and the answers inside the window
    // kept pace with the arrivals (a queue growing over the window answers fewer).
    boolean sustained =
        actions >= 0.99 * offered
            && m.actions().answeredPerSecond() >= 0.99 * offered
            && m.actions().errorCount() == 0;
    boolean enough =
        actions >= 1000
            || m.postgres()
                .map(c -> c.bestTxPerSecond() < 2000 && actions >= 0.5 * c.bestTxPerSecond())
                .orElse(false);
    String pg =
        m.postgres()
            .map(
                c ->
                    String.format(
                        Locale.ROOT,
                        "%s of the Postgres ceiling (target ≥ 50 %% where it is below 2,000)",
                        pct(actions / c.bestTxPerSecond())))
            .orElse("no Postgres ceiling");
    rows.add(
        new Row(
            "completed actions/s",
            "≥ 1,000 sustained",
            num(actions)
                + " (offered "
                + num(offered)
                + "; "
                + num(m.actions().answeredPerSecond())
                + "/s answered inside the window)",
            verdict(enough && sustained)
                + (sustained ? "; sustained" : "; NOT sustained")
                + "; "
                + pg));
    m.postgres()
        .ifPresent(
            c ->
                rows.add(
                    new Row(
                        "Postgres ceiling, write tx/s",
                        NONE,
                        num(c.bestTxPerSecond()) + " (" + c.bestConnections() + " connections)",
                        c.txPerSecondByConnections().entrySet().stream()
                                .map(e -> e.getKey() + ": " + num(e.getValue()))
                                .toList()
                            + "; "
                            + c.failures()
                            + " failed transactions")));
    rows.add(
        latency(
            "POST complete (from intended send)",
            "p99 ≤ 50 ms",
            m.actions().completeLatency(),
            50));
    rows.add(latency("POST complete service time", NONE, m.actions().completeService(), 0));
    rows.add(latency("POST start (from intended send)", NONE, m.actions().startLatency(), 0));
    rows.add(
        latency(
            "e2e propagation (frame − sourceCommittedAt)",
            "p99 ≤ 100 ms (stretch 50)",
            m.fleet().propagation(),
            100));
    rows.add(latency("complete response → update (matched)", NONE, m.completeToUpdate(), 0));
    rows.addAll(PipelineRows.of(m.pipeline()));
    rows.add(
        latency("broadcast spread (last − first client)", NONE, m.fleet().broadcastSpread(), 0));
    rows.add(
        latency(
            "broadcast to all (last client − commit)",
            "p99 ≤ 100 ms",
            m.fleet().allDelivered(),
            100));
    rows.add(
        latency(
            "broadcast to all (last client − sentAt)",
            "p99 ≤ 100 ms (or ≤ 1.25× bare fan-out: --broadcast-ceiling)",
            m.fleet().broadcast(),
            100));
    rows.add(
        new Row(
            "WebSocket clients",
            "15,000 on one gateway",
            m.fleet().connected()
                + " of "
                + m.fleet().requested()
                + ", delivered share "
                + pct(m.fleet().deliveredShare()),
            verdict(m.fleet().connected() >= 15_000)
                + "; "
                + m.fleet().disconnects()
                + " disconnects"));
    m.sse().ifPresent(sse -> rows.addAll(sseRows(sse)));
    m.personal().ifPresent(p -> rows.addAll(personalRows(p)));
    rows.addAll(FanOutRows.of(m.pipeline().gateway(), m.slowClients()));
    m.getsOpen()
        .ifPresent(
            g ->
                rows.add(
                    new Row(
                        "GET top-10, open model",
                        "p99 ≤ 5 ms",
                        num(g.achievedPerSecond())
                            + "/s of "
                            + num(m.options().gets())
                            + "/s; "
                            + Percentiles.of(g.latency()).summary(),
                        verdict(Percentiles.of(g.latency()).p99() <= 5) + errors(g))));
    rows.add(closedLoopRow("GET top-10", "≥ static-file rate", m.getsMax(), m, true));
    rows.add(closedLoopRow("GET user rank", NONE, m.rankMax(), m, false));
    rows.add(
        closedLoopRow(
            "GET around (radius " + RankPaths.AROUND_RADIUS + ")", NONE, m.aroundMax(), m, false));
    m.staticFile()
        .ifPresent(
            s ->
                rows.add(
                    new Row(
                        "static-file ceiling (" + s.responseBytes() + " B body)",
                        NONE,
                        num(s.achievedPerSecond())
                            + " req/s; p99 "
                            + Percentiles.fmt(Percentiles.of(s.latency()).p99())
                            + " ms",
                        NONE)));
    rows.addAll(CpuRows.of(m.processes().values(), m.actions().answeredPerSecond()));
    rows.add(machineRow(m));
    rows.add(
        new Row(
            "errors (actions)",
            "0",
            Long.toString(m.actions().errorCount()),
            verdict(m.actions().errorCount() == 0)));
    return rows;
  }

  static List<String> notes(Measurements m) {
    List<String> notes = new ArrayList<>();
    notes.add(
        m.fleet().updates()
            + " distinct updates (seq) in the window, "
            + m.fleet().receipts()
            + " update frames received; "
            + m.completeToUpdate().getTotalCount()
            + " completes matched to an update"
            + " (only actions that change the top N produce updates).");
    m.slowClients()
        .ifPresent(
            s ->
                notes.add(
                    s.requested()
                        + " slow WebSocket clients beside the "
                        + m.options().ws()
                        + " above (not in their rows or histograms): subscribed, read their SNAPSHOT, then did not read through the warm-up"
                        + " and the window (auto-read off; TCP MSS 1448 as over the internet, since loopback's 64 KB MSS lets the kernel"
                        + " buffer megabytes per socket; an unsolicited pong every 15 s keeps the gateway's idle close away), then read again."));
    if (!m.actions().errors().isEmpty()) {
      notes.add("Action errors: " + m.actions().errors());
    }
    notes.add(
        "RSS / CPU rows cover exactly the measured window (warm-up excluded); "
            + (m.options().wsProcesses() <= 0
                ? "the bench JVM row includes the "
                    + m.options().ws()
                    + " WebSocket clients (--ws-processes=0)"
                : "the WebSocket clients run in their own JVM(s), the bench JVM row is the HTTP load generator and one parsing WebSocket client")
            + (m.options().target().isEmpty()
                ? "; Kafka runs in its own JVM (kafka-broker row)"
                : "")
            + ". Machine CPU counts every process on the machine, also those outside this run.");
    return notes;
  }

  static List<Row> sseRows(SseResults sse) {
    return List.of(
        new Row(
            "SSE readers",
            NONE,
            sse.connected()
                + " of "
                + sse.requested()
                + " have their snapshot; "
                + sse.updates()
                + " update events received",
            sse.ended()
                + " streams ended by the server"
                + (sse.refused() == 0
                    ? ""
                    : "; " + sse.refused() + " refused (first: " + sse.firstRefusal() + ")")),
        latency("SSE e2e propagation (event − sourceCommittedAt)", NONE, sse.propagation(), 0),
        latency("SSE complete response → update (each reader)", NONE, sse.completeToUpdate(), 0));
  }

  static List<Row> personalRows(PersonalResults p) {
    return List.of(
        new Row(
            "RANK_CHANGED to authenticated WebSocket players",
            NONE,
            p.connected()
                + " of "
                + p.requested()
                + " players connected; "
                + p.rankChanged()
                + " RANK_CHANGED received ("
                + p.overtaken()
                + " overtaken)",
            NONE),
        latency("complete response → own RANK_CHANGED", NONE, p.completeToPush(), 0));
  }

  /**
   * A closed-loop read row with its ratio to the same run's static-file ceiling; {@code
   * targetIsCeiling} when SPEC §8 asks that read to reach the ceiling.
   */
  private static Row closedLoopRow(
      String what, String target, ReadResults max, Measurements m, boolean targetIsCeiling) {
    String ratio =
        m.staticFile()
            .map(
                s ->
                    String.format(
                            Locale.ROOT,
                            "%.2f× static file",
                            max.achievedPerSecond() / s.achievedPerSecond())
                        + (targetIsCeiling
                            ? " " + verdict(max.achievedPerSecond() >= s.achievedPerSecond())
                            : ""))
            .orElse("no static-file ceiling");
    return new Row(
        what + ", max (closed loop, " + m.options().getConnections() + " conns)",
        target,
        num(max.achievedPerSecond())
            + " req/s; p99 "
            + Percentiles.fmt(Percentiles.of(max.latency()).p99())
            + " ms",
        ratio + errors(max));
  }

  static Row machineRow(Measurements m) {
    double listed = m.processes().values().stream().mapToDouble(ProcessStats.Usage::cpuShare).sum();
    double busy = m.machine().busyCores();
    return new Row(
        "machine CPU (all processes)",
        NONE,
        String.format(
            Locale.ROOT,
            "%.2f of %d cores busy; rows above %.2f, other %.2f",
            busy,
            m.machine().cores(),
            listed,
            Math.max(0, busy - listed)),
        NONE);
  }

  static Row latency(String metric, String target, AbstractHistogram micros, double p99TargetMs) {
    Percentiles p = Percentiles.of(micros);
    String verdict = p99TargetMs <= 0 || p.count() == 0 ? NONE : verdict(p.p99() <= p99TargetMs);
    return new Row(metric, target, p.summary(), verdict);
  }

  static String verdict(boolean met) {
    return met ? "met" : "MISSED";
  }

  static String num(double value) {
    return String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%.1f", value);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.0f %%", share * 100);
  }

  private static String errors(ReadResults r) {
    return r.errors() == 0 ? "" : "; " + r.errors() + " errors";
  }
}
