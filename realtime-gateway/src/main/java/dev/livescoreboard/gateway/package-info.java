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
 *
 * <p>Bounds on how long a slow client holds a connection: a request must arrive whole within {@code
 * SCOREBOARD_GATEWAY_REQUEST_TIMEOUT_SECONDS} (default 10) of its first byte, however slowly it
 * trickles in, else {@code 408 REQUEST_TIMEOUT} and the connection is closed (the {@code http}
 * package's {@code RequestDeadline}; the WebSocket upgrade is such a request); a kept-alive or
 * upgraded connection from which nothing is read for {@code …_IDLE_CLOSE_SECONDS} (60) is closed;
 * and {@code DrainDeadline}: while a connection does not take what it is sent (not writable: its
 * unsent bytes above the write-buffer high-water mark) nothing more is read from it, so answers to
 * requests it keeps sending cannot pile up (requests it sent meanwhile wait unanswered, at most
 * {@code MAX_PIPELINED} of them), and after {@code …_DRAIN_TIMEOUT_SECONDS} (30) of that it is
 * closed, whatever it is: HTTP, WebSocket (no close frame: the peer reads nothing) or SSE. Both
 * closes count in {@code gateway.connections.timed_out} (tag {@code reason}: {@code request},
 * {@code drain}); {@code gateway.connections.open} counts open connections of every kind and {@code
 * gateway.netty.direct.used} the direct memory Netty's allocator holds for them. Which handler logs
 * what: the end of every pipeline ({@code ConnectionErrorHandler}) closes the connection on any
 * error, logging what clients cause (decoder refusals, peers gone mid-message, I/O errors) at debug
 * only, so a flood of bad clients cannot flood the log.
 */
package dev.livescoreboard.gateway;
