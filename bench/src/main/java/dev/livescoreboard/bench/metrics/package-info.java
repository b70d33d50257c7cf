/**
 * The services' own meters over the measured window: Prometheus text scraped at the window's start
 * and end, histograms differenced bucket by bucket, quantiles interpolated inside a bucket (so only
 * as precise as the buckets the service publishes).
 *
 * <p>Concurrency: scrapes run on the window's timer thread; results are read after the window
 * ended. Guarantee: a missing endpoint or metric yields "not available", never a failed run.
 */
package dev.livescoreboard.bench.metrics;
