package dev.livescoreboard.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.livescoreboard.system.DeployFiles.Selector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployFilesTest {

  @Test
  void selectorsAreTheMetricsOfAnExpressionWithoutFunctionsLabelListsOrNumbers() {
    assertThat(
            DeployFiles.selectors(
                "histogram_quantile(0.99, sum by (le, instance) (rate(a_seconds_bucket[5m])))"
                    + " / on(instance) group_left sum(b_total{name=\"x\", status=~\"5..\"}) > 1e3"))
        .containsExactly(
            new Selector("a_seconds_bucket", Map.of()),
            new Selector("b_total", Map.of("name", "x")));
  }

  @Test
  void theDeployFilesNameMetricsAndProbesOfAllThreeServices() {
    DeployFiles files = new DeployFiles(Path.of("..", "deploy"));

    assertThat(files.metricSelectors())
        .extracting(Selector::metric)
        .contains(
            "scoreboard_outbox_lag_seconds_bucket",
            "kafka_consumer_fetch_manager_records_lag_max",
            "scoreboard_projector_reconciliation_drift",
            "gateway_websocket_connections",
            "http_server_requests_seconds_count");
    assertThat(files.healthChecks())
        .extracting(DeployFiles.Probe::service)
        .containsOnly("command-api", "leaderboard-projector", "realtime-gateway");
  }
}
