package dev.livescoreboard.bench;

import dev.livescoreboard.bench.metrics.BucketHistogram;
import dev.livescoreboard.bench.metrics.PrometheusWindow;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services' own histograms over the measured window (Prometheus buckets, seconds or
 * records); each is empty when the service does not expose it.
 *
 * @param outboxLag command-api: outbox row commit → Kafka acknowledgement
 * @param projectorApply projector: one pipelined batch apply in Redis
 * @param projectorBatch projector: records per consumed Kafka batch
 */
record PipelineMetrics(
    Optional<BucketHistogram> outboxLag,
    Optional<BucketHistogram> projectorApply,
    Optional<BucketHistogram> projectorBatch) {

  static final String OUTBOX_LAG = "scoreboard_outbox_lag_seconds";
  static final String PROJECTOR_APPLY = "scoreboard_projector_apply_seconds";
  static final String PROJECTOR_BATCH = "scoreboard_projector_batch_size_records";

  /** The scraper for command-api and, when known, the projector. */
  static PrometheusWindow scraper(URI commandApi, Optional<URI> projector) {
    Map<String, URI> endpoints = new LinkedHashMap<>();
    endpoints.put("command-api", commandApi.resolve("/actuator/prometheus"));
    projector.ifPresent(p -> endpoints.put("leaderboard-projector", p.resolve("/actuator/prometheus")));
    return new PrometheusWindow(endpoints);
  }

  static PipelineMetrics of(PrometheusWindow scraped) {
    return new PipelineMetrics(
        scraped.histogram("command-api", OUTBOX_LAG),
        scraped.histogram("leaderboard-projector", PROJECTOR_APPLY),
        scraped.histogram("leaderboard-projector", PROJECTOR_BATCH));
  }

  static PipelineMetrics none() {
    return new PipelineMetrics(Optional.empty(), Optional.empty(), Optional.empty());
  }
}
