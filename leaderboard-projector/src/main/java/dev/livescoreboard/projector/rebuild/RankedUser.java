package dev.livescoreboard.projector.rebuild;

import java.time.Instant;

/**
 * A user's row of one board+season as PostgreSQL holds it.
 *
 * @param displayName the public name: the user's name, or {@code Anonymous} when not public
 * @param reachedAtMillis when the score was reached, in epoch milliseconds like {@code
 *     ScoreChanged.reachedAt().toEpochMilli()}
 * @param updatedAt when the row last changed (its last event's commit)
 */
record RankedUser(
    String userId,
    String displayName,
    long score,
    long version,
    long reachedAtMillis,
    Instant updatedAt) {}
