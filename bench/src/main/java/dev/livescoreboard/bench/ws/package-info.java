/**
 * The WebSocket fleet: many Netty clients subscribed to one board, in this process or in child
 * JVMs ({@code --role=ws-client}) bound to distinct 127.0.0.x source addresses.
 *
 * <p>Concurrency: frames are handled on the clients' event loops; the recorder is lock-free
 * (HdrHistogram {@code ConcurrentHistogram}, per-{@code seq} accumulators in a concurrent map).
 * Child processes talk to the parent only through stdin commands and stdout lines, so they share
 * nothing but the wall clock, which is what latencies against {@code sourceCommittedAt} need.
 *
 * <p>Guarantees: only updates whose {@code sourceCommittedAt} lies in the measured window count;
 * an update a client never received (closed, conflated) lowers the delivered share instead of
 * being guessed.
 */
package dev.livescoreboard.bench.ws;
