/**
 * The HTTP side of the load: a bounded keep-alive Netty client, the open-model schedule and its
 * pacer, a goodput curve's stepped schedule, the action load (start + complete) and the GET load.
 *
 * <p>Concurrency: each pacer is one dedicated thread that only waits and issues; all I/O and all
 * reply callbacks run on Netty event loops and never block. Histograms are HdrHistogram {@code
 * ConcurrentHistogram}s (wait-free recording from any thread), copied once a phase ends.
 *
 * <p>Guarantees: an arrival is never skipped or delayed by a slow reply; latency is measured from
 * its intended time, so queueing anywhere (connection pool included) shows up in the numbers. Only
 * arrivals intended inside the measured window (after the warm-up ramp), or inside a curve's steps,
 * are recorded, each action in exactly one span (by its intended start) and with exactly one
 * outcome (good, over the SLO, refused, timed out, failed).
 */
package dev.livescoreboard.bench.http;
