package dev.livescoreboard.bench.sse;

import org.HdrHistogram.Histogram;

/**
 * What the SSE readers measured.
 *
 * @param requested readers asked for
 * @param connected readers that received their {@code snapshot}
 * @param refused streams that ended or failed before their snapshot
 * @param firstRefusal the first refusal's status or error, empty when none
 * @param ended streams the server ended during the run
 * @param updates {@code update} events received over all readers, committed in the window
 * @param propagation receipt − {@code sourceCommittedAt} of those events (µs)
 * @param completeToUpdate per reader, a complete's response → the first update showing it (µs)
 */
public record SseResults(
    int requested,
    int connected,
    long refused,
    String firstRefusal,
    long ended,
    long updates,
    Histogram propagation,
    Histogram completeToUpdate) {}
