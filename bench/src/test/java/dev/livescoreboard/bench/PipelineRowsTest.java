package dev.livescoreboard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.bench.metrics.BucketHistogram;
import dev.livescoreboard.bench.report.Row;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipelineRowsTest {

  @Test
  void outboxLagWithoutBucketsIsReportedAsNotAvailable() {
    Row row = PipelineRows.outboxLag(Optional.empty());

    assertThat(row.target()).isEqualTo("p99 ≤ 10 ms");
    assertThat(row.measured()).startsWith("not available");
    assertThat(row.verdict()).isEqualTo("–");
  }

  @Test
  void outboxLagIsJudgedOnItsBucketResolutionP99() {
    String fast =
        "lag_bucket{le=\"0.005\"} 99\nlag_bucket{le=\"0.02\"} 100\nlag_bucket{le=\"+Inf\"} 100\nlag_count 100\n";
    String slow =
        "lag_bucket{le=\"0.005\"} 50\nlag_bucket{le=\"0.02\"} 60\nlag_bucket{le=\"+Inf\"} 100\nlag_count 100\n";

    Row met = PipelineRows.outboxLag(BucketHistogram.parse(fast, "lag"));
    Row missed = PipelineRows.outboxLag(BucketHistogram.parse(slow, "lag"));

    assertThat(met.verdict()).isEqualTo("met");
    assertThat(met.measured()).contains("p99 5.00 ms", "bucket resolution", "n=100");
    assertThat(missed.verdict()).isEqualTo("MISSED");
    assertThat(missed.measured()).contains("p99 > 20.0 ms");
  }
}
