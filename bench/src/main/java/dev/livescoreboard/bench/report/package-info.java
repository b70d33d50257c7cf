/**
 * The report: the results table (console and Markdown), the latency-by-percentile plot (JFreeChart)
 * and the merge into {@code docs/benchmarks.md} that keeps earlier runs.
 *
 * <p>Concurrency: single-threaded, after the measurements ended. Guarantee: writing a run never
 * drops another run's section or hand-written text from the file.
 */
package dev.livescoreboard.bench.report;
