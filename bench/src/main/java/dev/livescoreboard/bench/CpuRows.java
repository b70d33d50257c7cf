package dev.livescoreboard.bench;

import dev.livescoreboard.bench.report.Row;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's process rows: memory and CPU of each process over the measured window, CPU also per
 * completed action, against SPEC §8's budget (the system's own processes ≤ 2 ms per action in all,
 * command-api ≤ 0.8 ms for its two requests; PostgreSQL ≤ 0.5 ms is issue 16's share of it), then
 * the system's total and the load generator's.
 */
final class CpuRows {

  private static final String NONE = "–";

  /** The system's budget per completed action (SPEC §8), ms. */
  static final double SYSTEM_BUDGET_MS = 2.0;

  /** Per-process budgets per completed action, ms; the other processes share the rest. */
  static final Map<String, Double> BUDGET_MS = Map.of("command-api", 0.8, "postgresql", 0.5);

  private CpuRows() {}

  /**
   * @param completedPerSecond completes answered per second inside the window (the CPU's divisor:
   *     the work that CPU paid for, also when requests queue)
   */
  static List<Row> of(Collection<ProcessStats.Usage> processes, double completedPerSecond) {
    List<Row> rows = new ArrayList<>();
    for (ProcessStats.Usage u : processes) {
      rows.add(processRow(u, completedPerSecond));
    }
    double system =
        processes.stream().filter(CpuRows::isSystem).mapToDouble(u -> u.cpuShare()).sum();
    double load = processes.stream().filter(u -> !isSystem(u)).mapToDouble(u -> u.cpuShare()).sum();
    rows.add(
        new Row(
            "system CPU per completed action (services, PostgreSQL, Redis, Kafka)",
            "≤ " + ResultRows.num(SYSTEM_BUDGET_MS) + " ms",
            String.format(
                Locale.ROOT, "%s (%.2f cores)", perAction(system, completedPerSecond), system),
            verdict(system, completedPerSecond, SYSTEM_BUDGET_MS)));
    rows.add(
        new Row(
            "load generator CPU per completed action (bench JVMs)",
            NONE,
            String.format(
                Locale.ROOT, "%s (%.2f cores)", perAction(load, completedPerSecond), load),
            NONE));
    return rows;
  }

  /** Everything but the load generator and its clients (the bench's own JVMs). */
  static boolean isSystem(ProcessStats.Usage u) {
    return !u.name().startsWith("bench ");
  }

  static Row processRow(ProcessStats.Usage u, double completedPerSecond) {
    boolean gateway = u.name().equals("realtime-gateway");
    Double budget = BUDGET_MS.get(u.name());
    String metric =
        u.name()
            + (u.proportional() ? " PSS / CPU (" + u.processes() + " processes)" : " RSS / CPU");
    String measured =
        String.format(
            Locale.ROOT,
            "%d MiB max, %d MiB end; CPU %.2f cores, %s per action",
            u.rssMaxKb() / 1024,
            u.rssEndKb() / 1024,
            u.cpuShare(),
            perAction(u.cpuShare(), completedPerSecond));
    String target =
        gateway
            ? "RSS ≤ 512 MB"
            : budget != null ? "CPU ≤ " + ResultRows.num(budget) + " ms per action" : NONE;
    String verdict =
        gateway
            ? ResultRows.verdict(u.rssMaxKb() <= 512 * 1024)
            : budget != null ? verdict(u.cpuShare(), completedPerSecond, budget) : NONE;
    return new Row(metric, target, measured, verdict);
  }

  /** CPU ms per completed action of {@code cores} busy at {@code completedPerSecond}. */
  static double msPerAction(double cores, double completedPerSecond) {
    return completedPerSecond <= 0 ? Double.NaN : cores * 1000 / completedPerSecond;
  }

  private static String perAction(double cores, double completedPerSecond) {
    double ms = msPerAction(cores, completedPerSecond);
    return Double.isNaN(ms) ? "– ms" : String.format(Locale.ROOT, "%.2f ms", ms);
  }

  private static String verdict(double cores, double completedPerSecond, double budgetMs) {
    double ms = msPerAction(cores, completedPerSecond);
    return Double.isNaN(ms)
        ? NONE
        : ResultRows.verdict(ms <= budgetMs)
            + String.format(Locale.ROOT, " (%.2f× the budget)", ms / budgetMs);
  }
}
