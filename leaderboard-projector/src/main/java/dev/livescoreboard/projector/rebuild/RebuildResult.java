package dev.livescoreboard.projector.rebuild;

/**
 * What one rebuild did (also the admin endpoint's response body).
 *
 * @param users users written from PostgreSQL
 * @param carriedOver users whose newer entry, applied from Kafka during the rebuild, was kept
 * @param seq seq of the published top-N state
 * @param durationMillis wall time from start to swap
 * @param trigger {@code manual}, {@code redis-lost} or {@code drift}
 */
record RebuildResult(
    String board,
    String season,
    long users,
    long carriedOver,
    long seq,
    long durationMillis,
    String trigger) {}
