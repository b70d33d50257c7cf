package dev.livescoreboard.bench.http;

import org.HdrHistogram.Histogram;

/**
 * What a GET phase measured.
 *
 * @param requests requests sent in the measured window
 * @param ok answers with status 200 (or 304)
 * @param errors other answers and failures
 * @param achievedPerSecond {@code ok} per second of the measured window
 * @param latency response − intended send time (open model) or − actual send time (closed loop), in
 *     µs
 * @param responseBytes body size of the last 200 answer
 */
public record ReadResults(
    long requests,
    long ok,
    long errors,
    double achievedPerSecond,
    Histogram latency,
    int responseBytes) {}
