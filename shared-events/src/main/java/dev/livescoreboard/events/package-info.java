/**
 * The public contracts of Live Scoreboard: the Kafka score event ({@link
 * dev.livescoreboard.events.ScoreChanged}), the top-N change message the projector publishes
 * ({@link dev.livescoreboard.events.TopNChanged}), topic and key names, the Redis key layout and
 * ranking encoding shared by the projector (writer) and the gateway (reader).
 *
 * <p>Plain Java records and Jackson; no framework code. Immutable and thread-safe.
 */
package dev.livescoreboard.events;
