/**
 * The one place where blocking work runs: a small bounded thread pool separate from Netty's event
 * loops. Results come back as Netty futures bound to the caller's event loop, so listeners never
 * run on a pool thread. When the queue is full work is refused at once (callers answer 503) instead
 * of queueing without bound. Event-loop threads must never call Redis or fetch keys themselves.
 *
 * <p>While a channel waits for such work it reads nothing, and {@link
 * dev.livescoreboard.gateway.blocking.ReadHolds} is the one way to pause its reading, for this
 * reason or any other (a peer that does not take its answers): reading resumes only when every hold
 * is released, so no reason switches reading back on under another.
 */
package dev.livescoreboard.gateway.blocking;
