/**
 * The report: the results table (console and Markdown), the latency-by-percentile plot
 * (JFreeChart), a goodput curve's step table and goodput-by-offered-rate plot, and the merge into
 * {@code docs/benchmarks.md} that keeps earlier runs.
 *
 * <p>Concurrency: single-threaded, after the measurements ended. Guarantees: writing a run never
 * drops another run's section or hand-written text from the file; a new run's section goes at the
 * end, under the file's {@code ## Runs} heading, so the hand-written summary stays on top.
 */
package dev.livescoreboard.bench.report;
