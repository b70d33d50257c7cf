/**
 * Metrics: one Prometheus registry with JVM binders and the gateway's own meters (connections,
 * broadcast and conflated messages, auth failures, HTTP responses by status and problem code, the
 * time of each broadcast and the end-to-end latency of the updates it writes). All meters are
 * thread-safe and cheap enough to update on an event loop; scraping runs on the blocking executor.
 *
 * <p>{@code gateway_e2e_latency_seconds} runs from {@code sourceCommittedAt} (PostgreSQL's commit
 * time of the score change a state shows) to the end of the broadcast that wrote that state to
 * every subscriber of the board, so it spans the outbox relay, Kafka, the projector, pub/sub, the
 * broadcast throttle and the fan-out; it is recorded once per broadcast, for states a traced score
 * change caused, and only when the board has subscribers. It compares two clocks (PostgreSQL's and
 * the gateway host's), so across hosts it is as good as their time sync. {@code
 * gateway_broadcast_duration_seconds} is the fan-out alone.
 */
package dev.livescoreboard.gateway.metrics;
