/**
 * The realtime gateway: plain Netty serving the live WebSocket protocol, the HTTP read API and the
 * live page from in-memory top-N snapshots that the projector's Redis pub/sub keeps current.
 *
 * <p>Threads: one acceptor thread, the worker event loops (one per channel, never blocked), a small
 * bounded blocking pool for Redis reads and token verification, and one Redis subscriber thread.
 * Which code runs where is stated in each feature package.
 */
package dev.livescoreboard.gateway;
