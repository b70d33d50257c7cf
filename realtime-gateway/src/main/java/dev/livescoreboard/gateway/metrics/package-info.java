/**
 * Metrics: one Prometheus registry with JVM binders and the gateway's own meters (connections,
 * broadcast and conflated messages, auth failures). All meters are thread-safe and cheap enough to
 * update on an event loop; scraping runs on the blocking executor.
 */
package dev.livescoreboard.gateway.metrics;
