package dev.livescoreboard.bench.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.AbstractHistogram;

/**
 * Prints a run's table and writes it into {@code docs/benchmarks.md} with its plot: latency by
 * percentile for the usual run, goodput by offered rate for a curve.
 */
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

  /**
   * One goodput curve.
   *
   * @param label the run's name (a section per label)
   * @param command the exact command that produced it
   * @param parameters the effective options
   * @param header the table's column names
   * @param rows one row per step, cells in header order
   * @param notes lines under the table (definitions, recovery, verdicts)
   * @param points the curve's steps to plot (the recovery step left out)
   */
  public record Curve(
      String label,
      String command,
      String parameters,
      List<String> header,
      List<List<String>> rows,
      List<String> notes,
      List<CurvePlot.Point> points) {}

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

  /** The curve's table for the console. */
  public static String console(Curve curve) {
    return "\n"
        + ResultTable.text(curve.header(), curve.rows())
        + String.join("\n", curve.notes())
        + "\n";
  }

  /** Writes {@code bench-<label>-curve.png} next to {@code markdown} and merges the section. */
  public static Path write(Path markdown, Curve curve) throws IOException {
    Path dir = markdown.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    String plotName = "bench-" + fileSafe(curve.label()) + "-curve.png";
    CurvePlot.write(dir.resolve(plotName), "Goodput curve — " + curve.label(), curve.points());
    StringBuilder md = head(curve.label(), curve.command(), curve.parameters());
    md.append(ResultTable.markdown(curve.header(), curve.rows())).append('\n');
    for (String note : curve.notes()) {
      md.append("- ").append(note).append('\n');
    }
    md.append("\n![Goodput curve, run ")
        .append(curve.label())
        .append("](")
        .append(plotName)
        .append(")\n");
    String existing = Files.exists(markdown) ? Files.readString(markdown) : null;
    Files.writeString(
        markdown, BenchmarksFile.merge(existing, header(), curve.label(), md.toString()));
    return dir.resolve(plotName);
  }

  static String section(Run run, String plotName) {
    StringBuilder md = head(run.label(), run.command(), run.parameters());
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

  /** A section's heading with the run's time, its command, parameters and machine. */
  private static StringBuilder head(String label, String command, String parameters) {
    StringBuilder md = new StringBuilder();
    md.append("### Run `")
        .append(label)
        .append("` — ")
        .append(
            ZonedDateTime.now()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(java.time.ZoneOffset.UTC))
                .substring(0, 19))
        .append(" UTC\n\n");
    md.append("- Command: `").append(command).append("`\n");
    md.append("- Parameters: ").append(parameters).append('\n');
    md.append("- Machine: ").append(Machine.current().describe()).append("\n\n");
    return md;
  }

  static String fileSafe(String label) {
    return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
  }

  /** What a new report file starts with; the definitions of the numbers live in the repository. */
  static String header() {
    return """
        # Benchmarks

        Written by the `bench` module. Each run's section states its exact command, parameters and
        machine; a run with the same `--label` replaces its section, a new label is appended below.
        The numbers are defined under "What the numbers mean" in the repository's
        `docs/benchmarks.md`.

        """
        + BenchmarksFile.RUNS;
  }
}
