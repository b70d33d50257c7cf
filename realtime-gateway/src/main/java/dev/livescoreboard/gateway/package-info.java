/**
 * The realtime gateway: plain Netty serving the live WebSocket protocol, the HTTP read API and the
 * live page from in-memory top-N snapshots that the projector's Redis pub/sub keeps current.
 *
 * <p>Threads: one acceptor thread, the worker event loops (one per channel, never blocked), a small
 * bounded blocking pool for Redis reads and token verification, and one Redis subscriber thread.
 * Which code runs where is stated in each feature package.
 *
 * <p>Fan-out switches ({@code SCOREBOARD_GATEWAY_FANOUT_SHARED_FRAME}, {@code
 * SCOREBOARD_GATEWAY_FANOUT_FLUSH_CONSOLIDATION}, {@code SCOREBOARD_GATEWAY_FANOUT_CONFLATION}, all
 * {@code true} by default) turn the broadcast's cost-saving features off one by one, for
 * before/after measurements; leave on in production. See {@link
 * dev.livescoreboard.gateway.config.FanOutSwitches} and the {@code board} package.
 */
package dev.livescoreboard.gateway;
