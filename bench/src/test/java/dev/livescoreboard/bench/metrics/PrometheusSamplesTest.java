package dev.livescoreboard.bench.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrometheusSamplesTest {

  private static final String SCRAPE =
      """
      # HELP gateway_messages_conflated_total Updates skipped for slow subscribers
      # TYPE gateway_messages_conflated_total counter
      gateway_messages_conflated_total 1234.0
      gateway_messages_conflated_created 1.7E9
      gateway_board_broadcasts_total{board="global"} 10.0
      gateway_board_broadcasts_total{board="weekly"} 5.0
      jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
      jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
      jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.9E7
      jvm_buffer_memory_used_bytes{id="direct"} 4194304.0 1700000000000
      jvm_buffer_memory_used_bytes{id="mapped"} 0.0
      """;

  @Test
  void unlabelledSampleIsReadWithoutTakingLongerNamesAlong() {
    assertThat(PrometheusSamples.sum(SCRAPE, "gateway_messages_conflated_total", ""))
        .contains(1234.0);
  }

  @Test
  void seriesWhoseLabelsContainTheFragmentAreSummed() {
    assertThat(PrometheusSamples.sum(SCRAPE, "gateway_board_broadcasts_total", "")).contains(15.0);
    assertThat(PrometheusSamples.sum(SCRAPE, "jvm_memory_used_bytes", "area=\"heap\""))
        .contains(3145728.0);
    assertThat(PrometheusSamples.sum(SCRAPE, "jvm_buffer_memory_used_bytes", "id=\"direct\""))
        .as("a trailing timestamp is not the value")
        .contains(4194304.0);
  }

  @Test
  void missingMetricOrSeriesIsEmptyRatherThanZero() {
    assertThat(PrometheusSamples.sum(SCRAPE, "gateway_messages_broadcast_total", "")).isEmpty();
    assertThat(PrometheusSamples.sum(SCRAPE, "jvm_memory_used_bytes", "area=\"gpu\"")).isEmpty();
  }
}
