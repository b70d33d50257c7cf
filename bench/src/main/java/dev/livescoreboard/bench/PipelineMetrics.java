package dev.livescoreboard.bench;

import dev.livescoreboard.bench.metrics.BucketHistogram;
import dev.livescoreboard.bench.metrics.PrometheusWindow;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The services' own histograms over the measured window (Prometheus buckets, seconds or records);
 * each is empty when the service does not expose it.
 *
 * @param outboxLag command-api: outbox row commit → Kafka acknowledgement
 * @param outboxRound command-api: one relay transaction (lock and select, send, mark, commit)
 * @param outboxSend command-api: one batch sent to Kafka until every record is acknowledged
 * @param projectorApply projector: one pipelined batch apply in Redis
 * @param projectorBatch projector: records per consumed Kafka batch
 * @param gateway the gateway's fan-out counters and memory gauges
 */
record PipelineMetrics(
    Optional<BucketHistogram> outboxLag,
    Optional<BucketHistogram> outboxRound,
    Optional<BucketHistogram> outboxSend,
    Optional<BucketHistogram> projectorApply,
    Optional<BucketHistogram> projectorBatch,
    GatewayFanOut gateway) {

  static final String OUTBOX_LAG = "scoreboard_outbox_lag_seconds";
  static final String OUTBOX_ROUND = "scoreboard_outbox_round_seconds";
  static final String OUTBOX_SEND = "scoreboard_outbox_send_seconds";
  static final String PROJECTOR_APPLY = "scoreboard_projector_apply_seconds";
  static final String PROJECTOR_BATCH = "scoreboard_projector_batch_size_records";

  /** The scraper for command-api, the gateway and, when known, the projector. */
  static PrometheusWindow scraper(URI commandApi, Optional<URI> projector, URI gateway) {
    Map<String, URI> endpoints = new LinkedHashMap<>();
    endpoints.put("command-api", commandApi.resolve("/actuator/prometheus"));
    projector.ifPresent(
        p -> endpoints.put("leaderboard-projector", p.resolve("/actuator/prometheus")));
    endpoints.put(GatewayFanOut.SERVICE, gateway.resolve("/metrics"));
    return new PrometheusWindow(endpoints);
  }

  static PipelineMetrics of(PrometheusWindow scraped) {
    return new PipelineMetrics(
        scraped.histogram("command-api", OUTBOX_LAG),
        scraped.histogram("command-api", OUTBOX_ROUND),
        scraped.histogram("command-api", OUTBOX_SEND),
        scraped.histogram("leaderboard-projector", PROJECTOR_APPLY),
        scraped.histogram("leaderboard-projector", PROJECTOR_BATCH),
        GatewayFanOut.of(scraped));
  }

  static PipelineMetrics none() {
    return new PipelineMetrics(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        GatewayFanOut.none());
  }
}
