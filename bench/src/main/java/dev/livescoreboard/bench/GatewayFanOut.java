package dev.livescoreboard.bench;

import dev.livescoreboard.bench.metrics.PrometheusWindow;
import java.util.Optional;

/**
 * The gateway's own fan-out meters over the measured window (its {@code /metrics}); each is empty
 * when the gateway does not expose it. Conflation shows here: frames skipped for subscribers whose
 * channel was not writable, and whether the gateway's memory stayed put meanwhile.
 *
 * @param boardChanges newer top-N states received (before the broadcast throttle)
 * @param broadcasts broadcasts sent (after the throttle)
 * @param framesWritten update frames written to subscribers
 * @param conflated update frames skipped for slow subscribers (they get the latest state later)
 * @param directMemory JVM direct buffers in use (Netty's pooled memory lives there) at both ends
 * @param heapUsed JVM heap in use at both ends, garbage included (queued writes are heap objects)
 * @param oldGen the old generation in use at both ends: where what survives young collections ends
 *     up, such as writes queued for channels that never drain
 */
record GatewayFanOut(
    Optional<Double> boardChanges,
    Optional<Double> broadcasts,
    Optional<Double> framesWritten,
    Optional<Double> conflated,
    Optional<PrometheusWindow.Gauge> directMemory,
    Optional<PrometheusWindow.Gauge> heapUsed,
    Optional<PrometheusWindow.Gauge> oldGen) {

  static final String SERVICE = "realtime-gateway";
  static final String CHANGES = "gateway_board_changes_total";
  static final String BROADCASTS = "gateway_board_broadcasts_total";
  static final String WRITTEN = "gateway_messages_broadcast_total";
  static final String CONFLATED = "gateway_messages_conflated_total";
  static final String BUFFERS = "jvm_buffer_memory_used_bytes";
  static final String MEMORY = "jvm_memory_used_bytes";

  static GatewayFanOut of(PrometheusWindow scraped) {
    return new GatewayFanOut(
        scraped.counterDelta(SERVICE, CHANGES),
        scraped.counterDelta(SERVICE, BROADCASTS),
        scraped.counterDelta(SERVICE, WRITTEN),
        scraped.counterDelta(SERVICE, CONFLATED),
        scraped.gauge(SERVICE, BUFFERS, "id=\"direct\""),
        scraped.gauge(SERVICE, MEMORY, "area=\"heap\""),
        // G1, Parallel and generational ZGC name their old pool "… Old Gen…".
        scraped.gauge(SERVICE, MEMORY, "Old Gen"));
  }

  static GatewayFanOut none() {
    return new GatewayFanOut(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
