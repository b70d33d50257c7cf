package dev.livescoreboard.bench;

import dev.livescoreboard.bench.http.ActionResults;
import dev.livescoreboard.bench.http.CurvePlan;
import java.util.List;

/**
 * What a goodput curve measured, one entry per step in the same order (the recovery step last).
 *
 * @param steps the steps' rates and edges
 * @param actions the actions intended inside each step
 * @param cpu the system's processes and the bench JVM over each step
 */
record CurveMeasurements(
    BenchOptions options,
    List<CurvePlan.Step> steps,
    List<ActionResults> actions,
    List<ProcessStats.Result> cpu) {}
