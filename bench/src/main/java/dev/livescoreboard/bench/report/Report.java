package dev.livescoreboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/** Prints a run's table and writes it into {@code docs/benchmarks.md} with its latency plot. */
public final class Report {

  /**
   * One run.
   *
   * @param label the run's name (a section per label)
   * @param command the exact command that produced it
   * @param parameters the effective options
   * @param rows the results table
   * @param notes extra lines under the table (errors, sample counts, caveats)
   * @param latencies histograms (µs) to plot, by legend name
   */
  public record Run(
      String label,
      String command,
      String parameters,
      List<Row> rows,
      List<String> notes,
      Map<String, ? extends AbstractHistogram> latencies) {}

  private Report() {}

  /** The table for the console. */
  public static String console(Run run) {
    return "\n" + ResultTable.text(run.rows()) + String.join("\n", run.notes()) + "\n";
  }

  /** Writes {@code bench-<label>-latency.png} next to {@code markdown} and merges the section. */
  public static Path write(Path markdown, Run run) throws IOException {
    Path dir = markdown.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String plotName = "bench-" + fileSafe(run.label()) + "-latency.png";
    LatencyPlot.write(
        dir.resolve(plotName), "Latency by percentile — " + run.label(), run.latencies());
    String existing = Files.exists(markdown) ? Files.readString(markdown) : null;
    Files.writeString(
        markdown, BenchmarksFile.merge(existing, header(), run.label(), section(run, plotName)));
    return dir.resolve(plotName);
  }

  static String section(Run run, String plotName) {
    StringBuilder md = new StringBuilder();
    md.append("## Run `")
        .append(run.label())
        .append("` — ")
        .append(
            ZonedDateTime.now()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneOffset.UTC))
                .substring(0, 19))
        .append(" UTC\n\n");
    md.append("- Command: `").append(run.command()).append("`\n");
    md.append("- Parameters: ").append(run.parameters()).append('\n');
    md.append("- Machine: ").append(Machine.current().describe()).append("\n\n");
    md.append(ResultTable.markdown(run.rows())).append('\n');
    for (String note : run.notes()) {
      md.append("- ").append(note).append('\n');
    }
    md.append("\n![Latency by percentile, run ")
        .append(run.label())
        .append("](")
        .append(plotName)
        .append(")\n");
    return md.toString();
  }

  static String fileSafe(String label) {
    return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
  }

  static String header() {
    return """
        # Benchmarks

        Produced by the `bench` module. Reproduce a run from the repository root, on a quiet machine,
        after building (`./mvnw -q -DskipTests package`):

            java -jar bench/target/bench.jar --rate=1000 --ws=15000 --gets=500 --duration=30s --label=my-run

        Without `--target` the bench starts a fresh local stack (durable PostgreSQL, no simulator) in a
        temporary folder, with the per-IP rate limit raised for its single client host. Each run below
        states its exact command, parameters and machine; a run with the same `--label` replaces its
        section, other sections stay, so before/after comparisons live side by side.

        What the numbers mean:
        - **Warm-up and window**: the load first ramps its offered action and GET rates linearly
          from 10 % to 100 % of the targets over `--warmup` (default 60 s; cold JVMs need about
          60–100 s of load before C2 has compiled the hot paths), still open model; nothing of the
          warm-up is recorded. Then the **measured window** (`--duration`) runs at the constant
          target rates; every figure below covers that window only.
        - **actions/s**: actions (start + complete) whose complete answered 200, per second of the
          measured window; offered at a constant rate (open model).
        - **POST complete**: complete response received − the complete's *intended* send time
          (intended start + `complete-delay`), so a stall delays every later request's clock too
          (no coordinated omission). **service time**: response − actual send.
        - **outbox lag**: command-api's `scoreboard.outbox.lag` timer (commit → Kafka ack of the
          relayed record), its Prometheus buckets scraped at the window's start and end and
          differenced; p50/p99 are interpolated inside a bucket, so they are bucket-resolution.
          "not available" means the service exposes no such buckets. The projector's batch apply
          time and batch size come from its buckets the same way.
        - **e2e propagation**: WebSocket frame received − the update's `sourceCommittedAt` (the
          commit time of the score change that caused it), over every client and update.
          **complete → update**: the update showing (user, new score) received − that complete's
          response received, for the actions that changed the top N.
        - **broadcast spread**: per update, last client receipt − first client receipt;
          **all delivered**: per update, last client receipt − `sourceCommittedAt`.
        - **GET**: `GET /api/v1/leaderboards/{board}` at a constant rate, latency from the intended
          send time; **GET max**: a closed loop on N keep-alive connections, after a 10 s closed-loop
          warm-up (the static-file server gets the same).
        - **Ceilings** (same run, same machine): the write transaction's SQL on N JDBC connections
          without HTTP (best of 8/16/32), and a bare Netty server returning a same-size body with
          nginx's static-file headers to the same closed-loop client.
        - **RSS / CPU**: CPU time used in the measured window ÷ its length (1.00 = one core busy),
          and the highest and last resident set sampled (every second) in it — for each service,
          the Kafka broker (its own JVM when the bench starts the stack), Redis, the bench JVM (the
          load generator) and its WebSocket client JVMs; PostgreSQL sums all its processes (CPU)
          and their proportional set size (PSS, shared buffers counted once). **machine CPU**:
          all processes on the machine over the same window, so the rows show where the cores go.
        """;
  }
}
