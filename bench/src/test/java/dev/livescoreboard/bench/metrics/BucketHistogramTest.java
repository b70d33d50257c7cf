package dev.livescoreboard.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BucketHistogramTest {

  private static final String BEFORE =
      """
      # HELP scoreboard_outbox_lag_seconds Kafka acknowledgement time minus created_at
      # TYPE scoreboard_outbox_lag_seconds histogram
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="0.001"} 10
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="0.002"} 20
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="0.01"} 30
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="+Inf"} 30
      scoreboard_outbox_lag_seconds_count{application="command-api"} 30
      scoreboard_outbox_lag_seconds_sum{application="command-api"} 0.06
      scoreboard_outbox_lag_seconds{application="command-api",quantile="0.99"} 0.009
      scoreboard_outbox_lag_seconds_max{application="command-api"} 0.009
      """;

  private static final String AFTER =
      """
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="0.001"} 10
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="0.002"} 70
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="0.01"} 129
      scoreboard_outbox_lag_seconds_bucket{application="command-api",le="+Inf"} 130
      scoreboard_outbox_lag_seconds_count{application="command-api"} 130
      scoreboard_outbox_lag_seconds_sum{application="command-api"} 0.46
      """;

  @Test
  void differenceOfTwoScrapesIsWhatHappenedBetweenThem() {
    BucketHistogram window =
        BucketHistogram.parse(AFTER, "scoreboard_outbox_lag_seconds")
            .orElseThrow()
            .since(BucketHistogram.parse(BEFORE, "scoreboard_outbox_lag_seconds").orElseThrow());

    assertThat(window.count()).isEqualTo(100);
    assertThat(window.mean()).isCloseTo(0.004, within(1e-9));
    assertThat(window.cumulative())
        .containsEntry(0.001, 0.0)
        .containsEntry(0.002, 50.0)
        .containsEntry(Double.POSITIVE_INFINITY, 100.0);
  }

  @Test
  void quantilesAreInterpolatedInsideTheirBucketLikeHistogramQuantile() {
    BucketHistogram window =
        BucketHistogram.parse(AFTER, "scoreboard_outbox_lag_seconds")
            .orElseThrow()
            .since(BucketHistogram.parse(BEFORE, "scoreboard_outbox_lag_seconds").orElseThrow());

    // 50 of 100 fall in (1 ms, 2 ms]: the median is that bucket's upper edge.
    assertThat(window.quantile(0.5))
        .hasValueSatisfying(
            q -> {
              assertThat(q.value()).isCloseTo(0.002, within(1e-9));
              assertThat(q.aboveTopBucket()).isFalse();
            });
    // Rank 99 lies 49 of 49 observations into (2 ms, 10 ms].
    assertThat(window.quantile(0.99).orElseThrow().value()).isCloseTo(0.01, within(1e-9));
    assertThat(window.quantile(0.25).orElseThrow().value()).isCloseTo(0.0015, within(1e-9));
  }

  @Test
  void bucketBoundNamesTheBucketHoldingTheQuantileWithoutInterpolating() {
    String batches =
        "b_bucket{le=\"1.0\"} 80\nb_bucket{le=\"2.0\"} 99\nb_bucket{le=\"3.0\"} 100\nb_bucket{le=\"+Inf\"} 100\n";

    BucketHistogram h = BucketHistogram.parse(batches, "b").orElseThrow();

    assertThat(h.bucketBound(0.5)).contains(1.0);
    assertThat(h.bucketBound(0.99)).contains(2.0);
    assertThat(h.bucketBound(1.0)).contains(3.0);
  }

  @Test
  void aQuantileInTheInfBucketIsOnlyKnownToExceedTheTopBound() {
    String text =
        """
        m_bucket{le="0.01"} 1
        m_bucket{le="+Inf"} 10
        m_count 10
        m_sum 5
        """;

    BucketHistogram.Quantile p99 =
        BucketHistogram.parse(text, "m").orElseThrow().quantile(0.99).orElseThrow();

    assertThat(p99.aboveTopBucket()).isTrue();
    assertThat(p99.value()).isEqualTo(0.01);
  }

  @Test
  void seriesWithDifferentLabelsAreSummedPerBound() {
    String text =
        """
        m_bucket{instance="a",le="1.0"} 2
        m_bucket{instance="b",le="1.0"} 3
        m_bucket{instance="a",le="+Inf"} 2
        m_bucket{instance="b",le="+Inf"} 4
        m_count{instance="a"} 2
        m_count{instance="b"} 4
        """;

    BucketHistogram h = BucketHistogram.parse(text, "m").orElseThrow();

    assertThat(h.cumulative()).containsEntry(1.0, 5.0).containsEntry(Double.POSITIVE_INFINITY, 6.0);
    assertThat(h.count()).isEqualTo(6);
  }

  @Test
  void aMetricWithoutBucketsOrWithoutSamplesHasNoQuantiles() {
    assertThat(BucketHistogram.parse(BEFORE, "scoreboard_other_seconds")).isEmpty();
    String summaryOnly =
        "scoreboard_outbox_lag_seconds_count 3\nscoreboard_outbox_lag_seconds_sum 0.1\n";
    assertThat(BucketHistogram.parse(summaryOnly, "scoreboard_outbox_lag_seconds")).isEmpty();
    BucketHistogram same =
        BucketHistogram.parse(BEFORE, "scoreboard_outbox_lag_seconds").orElseThrow();
    assertThat(same.since(same).quantile(0.99)).isEqualTo(Optional.empty());
  }
}
