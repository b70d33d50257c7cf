/**
 * The machine's ceilings, measured in the same run as the system: the write transaction's raw
 * PostgreSQL rate (same SQL, many connections, no HTTP) and a bare Netty server answering a
 * same-size in-memory body (the static-file rate).
 *
 * <p>Concurrency: the PostgreSQL ceiling runs one thread per connection on disjoint users (no lock
 * waits between them); the static server answers on its event loops and shares one read-only
 * buffer. The ceiling works in its own schema, dropped afterwards, so the stack's data and outbox
 * are never touched.
 */
package dev.livescoreboard.bench.ceiling;
