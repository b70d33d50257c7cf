package dev.livescoreboard.bench.report;

/**
 * One line of the results table.
 *
 * @param metric what was measured
 * @param target the SPEC §8 target, or "–"
 * @param measured the measured value
 * @param verdict ratio to the ceiling or target, and whether the target is met
 */
public record Row(String metric, String target, String measured, String verdict) {}
