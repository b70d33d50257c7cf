/**
 * The realtime gateway: plain Netty serving the live WebSocket protocol, the HTTP read API and the
 * live page from in-memory top-N snapshots that the projector's Redis pub/sub keeps current.
 *
 * <p>Threads: one acceptor thread, the worker event loops (one per channel, never blocked), a small
 * bounded blocking pool for Redis reads and token verification, and two Redis subscriber threads
 * (top changes, personal rank changes). Which code runs where is stated in each feature package.
 *
 * <p>Bounds on what clients can make the gateway hold, so overload turns into quick refusals
 * instead of growing memory or files: in all, at most {@code SCOREBOARD_GATEWAY_MAX_CONNECTIONS}
 * open connections, HTTP, WebSocket and SSE alike (default 18,000): {@code ConnectionCap}, first in
 * every pipeline, closes one accepted beyond it before reading from it and counts it in {@code
 * gateway.connections.refused}. Per connection, at most {@code HttpFrontEnd.MAX_PIPELINED} (128)
 * unanswered pipelined requests; the HTTP codec closes a connection that sends more. Blocking work
 * waits in one queue of {@code SCOREBOARD_GATEWAY_BLOCKING_QUEUE} tasks (default 1000) shared by
 * all connections; a read that finds it full answers {@code 503 UNAVAILABLE} with {@code
 * Retry-After} at once (the {@code blocking} package). Request sizes, frames, subscriptions,
 * WebSockets per user and SSE streams per address have their own limits in {@link
 * dev.livescoreboard.gateway.config.GatewaySettings}.
 */
package dev.livescoreboard.gateway;
