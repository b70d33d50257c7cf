package dev.livescoreboard.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

  @Test
  void markdownTableHasAHeaderAndOneLinePerRowWithPipesEscaped() {
    String md =
        ResultTable.markdown(
            List.of(
                new Row("actions/s", "≥ 1,000", "950", "MISSED"), new Row("a|b", "–", "1", "–")));

    assertThat(md.lines().toList())
        .containsExactly(
            "| metric | target | measured | vs target / ceiling |",
            "| --- | --- | --- | --- |",
            "| actions/s | ≥ 1,000 | 950 | MISSED |",
            "| a\\|b | – | 1 | – |");
  }

  @Test
  void consoleTableAlignsColumns() {
    String text =
        ResultTable.text(
            List.of(new Row("a", "bb", "ccc", "d"), new Row("long metric", "TT", "m", "v")));

    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1).indexOf("bb")).isEqualTo(lines.get(2).indexOf("TT"));
  }

  @Test
  void percentilesAreReportedInMilliseconds() {
    Histogram micros = new Histogram(1, 600_000_000L, 3);
    for (int i = 1; i <= 1000; i++) {
      micros.recordValue(i * 100L); // 0.1 ms … 100 ms
    }

    Percentiles p = Percentiles.of(micros);

    assertThat(p.count()).isEqualTo(1000);
    assertThat(p.p50()).isCloseTo(50, org.assertj.core.data.Offset.offset(0.1));
    assertThat(p.p99()).isCloseTo(99, org.assertj.core.data.Offset.offset(0.1));
    assertThat(p.max()).isCloseTo(100, org.assertj.core.data.Offset.offset(0.1));
    assertThat(p.summary()).startsWith("p50 50.0 · p90 90.0 · p99 99.0");
  }

  @Test
  void distributionRunsFromMedianTowardsTheTailAsOneOverOneMinusP() {
    Histogram micros = new Histogram(1, 600_000_000L, 3);
    for (int i = 1; i <= 10_000; i++) {
      micros.recordValue(i);
    }

    List<double[]> points = Percentiles.distribution(micros);

    assertThat(points).isNotEmpty();
    assertThat(points.get(0)[0]).isEqualTo(1.0);
    assertThat(points).allSatisfy(p -> assertThat(p[0]).isFinite());
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i)[0]).isGreaterThanOrEqualTo(points.get(i - 1)[0]);
      assertThat(points.get(i)[1]).isGreaterThanOrEqualTo(points.get(i - 1)[1]);
    }
    assertThat(points.get(points.size() - 1)[0]).isGreaterThan(1000);
    assertThat(Percentiles.of(new Histogram(1, 10, 3)).summary()).isEqualTo("no samples");
  }

  @Test
  void sameLabelReplacesItsSectionAndKeepsEverythingElse() {
    String first = BenchmarksFile.merge(null, "# Benchmarks", "before", "old numbers");
    String second =
        BenchmarksFile.merge(first + "\nHand-written note.\n", "# ignored", "after", "new numbers");
    String third = BenchmarksFile.merge(second, "# ignored", "before", "rerun numbers");

    assertThat(third).startsWith("# Benchmarks");
    assertThat(third).doesNotContain("old numbers", "# ignored");
    assertThat(third).contains("rerun numbers", "new numbers", "Hand-written note.");
    assertThat(third.indexOf("rerun numbers")).isLessThan(third.indexOf("new numbers"));
    assertThat(third.split(BenchmarksFile.begin("before"), -1)).hasSize(2);
  }

  @Test
  void newRunsGoUnderTheRunsHeadingBelowTheSummary() {
    String fresh = BenchmarksFile.merge(null, Report.header(), "first", "first numbers");
    String summary = "# Benchmarks\n\n## Where each target stands\n\nsummary\n\n## Runs\n\nintro\n";
    String merged = BenchmarksFile.merge(summary, Report.header(), "next", "next numbers");
    String withoutHeading =
        BenchmarksFile.merge("# Benchmarks\n\nolder notes\n", Report.header(), "next", "n");

    assertThat(fresh.indexOf(BenchmarksFile.RUNS)).isLessThan(fresh.indexOf("first numbers"));
    assertThat(merged).startsWith(summary.strip());
    assertThat(merged.indexOf("intro")).isLessThan(merged.indexOf(BenchmarksFile.begin("next")));
    assertThat(merged.split(BenchmarksFile.RUNS, -1)).as("no second Runs heading").hasSize(2);
    assertThat(withoutHeading)
        .isEqualTo(
            "# Benchmarks\n\nolder notes\n\n## Runs\n\n"
                + BenchmarksFile.begin("next")
                + "\nn\n"
                + BenchmarksFile.end("next")
                + "\n");
  }

  @Test
  void labelsBecomeSafeFileNames() {
    assertThat(Report.fileSafe("After Outbox/NOTIFY #2")).isEqualTo("after-outbox-notify-2");
  }

  @Test
  void anyTableHasOneSeparatorPerColumn() {
    String md = ResultTable.markdown(List.of("a", "b", "c"), List.of(List.of("1", "2|3", "4")));

    assertThat(md.lines().toList())
        .containsExactly("| a | b | c |", "| --- | --- | --- |", "| 1 | 2\\|3 | 4 |");
  }

  @Test
  void aCurveIsMergedUnderRunsWithItsTableNotesAndPlot(@TempDir Path dir) throws Exception {
    Path markdown = dir.resolve("benchmarks.md");
    Files.writeString(markdown, "# Benchmarks\n\nsummary\n\n## Runs\n");
    Report.Curve curve =
        new Report.Curve(
            "Curve 1",
            "java -jar bench/target/bench.jar --curve=100,200",
            "curve=100,200/s",
            List.of("step", "offered/s"),
            List.of(List.of("1", "100"), List.of("2", "200")),
            List.of("Recovery at 100/s: met."),
            List.of(
                new CurvePlot.Point(100, 100, 0, 20),
                new CurvePlot.Point(200, 150, 50, Double.NaN)));

    Path png = Report.write(markdown, curve);

    String md = Files.readString(markdown);
    assertThat(md).startsWith("# Benchmarks\n\nsummary");
    assertThat(md)
        .contains(
            BenchmarksFile.begin("Curve 1"),
            "### Run `Curve 1`",
            "- Command: `java -jar bench/target/bench.jar --curve=100,200`",
            "| step | offered/s |",
            "| 2 | 200 |",
            "- Recovery at 100/s: met.",
            "![Goodput curve, run Curve 1](bench-curve-1-curve.png)");
    assertThat(png).isEqualTo(dir.resolve("bench-curve-1-curve.png")).isNotEmptyFile();
    assertThat(Report.console(curve)).contains("step", "Recovery at 100/s: met.");
  }
}
