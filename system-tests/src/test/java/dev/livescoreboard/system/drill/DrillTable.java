package dev.livescoreboard.system.drill;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The drills' results, one row per fault, printed as a table at the end of the run. */
final class DrillTable {

  /**
   * One drill: what the players saw from the fault until recovery, how long the fault and the
   * recovery took, and the outcome.
   */
  record Row(
      String fault, ActionLog.Tally tally, Duration outage, Duration recovery, String outcome) {}

  private static final String FORMAT = "| %-34s | %5s | %7s | %7s | %6s | %6s | %8s | %8s | %s%n";

  private final List<Row> rows = new ArrayList<>();

  synchronized void add(Row row) {
    rows.add(row);
    System.out.printf("drill done: %s: %s%n", row.fault(), row.outcome());
  }

  synchronized void print(PrintStream out, String title) {
    out.println();
    out.println(title);
    out.printf(
        FORMAT,
        "fault",
        "acked",
        "replays",
        "refused",
        "errors",
        "late",
        "fault s",
        "recov. s",
        "outcome");
    out.printf(
        FORMAT,
        "-".repeat(34),
        "-".repeat(5),
        "-".repeat(7),
        "-".repeat(7),
        "-".repeat(6),
        "-".repeat(6),
        "-".repeat(8),
        "-".repeat(8),
        "-".repeat(7));
    for (Row row : rows) {
      ActionLog.Tally t = row.tally();
      out.printf(
          FORMAT,
          row.fault(),
          t.acknowledged(),
          t.replays(),
          t.refused(),
          t.errors(),
          t.late(),
          seconds(row.outage()),
          seconds(row.recovery()),
          row.outcome());
    }
    out.println(
        "acked: completes acknowledged (2xx) from the fault until recovery, replays among them;"
            + " refused: 503/429 answers; errors: no answer or any other 4xx/5xx; late: answered"
            + " after more than "
            + ActionLog.ANSWER_BOUND.toSeconds()
            + " s or not at all;"
            + " fault: from injection to repair; recov.: from the repair until an action made"
            + " after it is shown by the gateway.");
  }

  private static String seconds(Duration d) {
    return d == null ? "-" : String.format("%.1f", d.toMillis() / 1000.0);
  }
}
