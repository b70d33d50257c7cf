package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.http.Histograms;
import dev.livescoreboard.bench.report.Row;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class BroadcastCeilingRowsTest {

  @Test
  void withinAQuarterOfTheBareFanOutIsMetEvenAbove100Ms() {
    Row row = BroadcastCeilingRows.headline(millis(400, 480), millis(300, 400));

    assertThat(row.verdict()).isEqualTo("1.20× the bare fan-out's p99 met");
    assertThat(row.measured()).contains("p99 480");
  }

  @Test
  void beyondAQuarterOfTheBareFanOutIsMissed() {
    Row row = BroadcastCeilingRows.headline(millis(400, 700), millis(300, 400));

    assertThat(row.verdict()).isEqualTo("1.75× the bare fan-out's p99 MISSED");
  }

  @Test
  void under100MsIsMetWhateverTheRatio() {
    Row row = BroadcastCeilingRows.headline(millis(50, 90), millis(20, 30));

    assertThat(row.verdict()).isEqualTo("3.00× the bare fan-out's p99 met");
  }

  @Test
  void withoutBareSamplesOnly100MsCounts() {
    assertThat(BroadcastCeilingRows.headline(millis(50, 90), Histograms.plain()).verdict())
        .isEqualTo("no bare fan-out samples; met");
    assertThat(BroadcastCeilingRows.headline(Histograms.plain(), millis(1, 2)).verdict())
        .isEqualTo("no samples");
  }

  /** 99 broadcasts of {@code typical} ms and one of {@code worst} ms: p99 is {@code worst}. */
  private static Histogram millis(long typical, long worst) {
    Histogram h = Histograms.plain();
    h.recordValueWithCount(typical * 1000, 98);
    h.recordValueWithCount(worst * 1000, 2);
    return h;
  }
}
