/**
 * The board as of a past instant ({@code GET /api/v1/admin/boards/{id}/as-of}), computed from
 * {@code score_events} alone, read-only, on the request thread.
 *
 * <p><b>Guarantees.</b> Per user, the standing at {@code at} is the event with the highest {@code
 * user_version} among those committed at or before {@code at} (its {@code newScore} and {@code
 * reachedAt}); users are ranked exactly by the live rule (score descending, reach time to the
 * millisecond ascending, userId by bytes ascending) with ordinal ranks, so asking for the present
 * moment gives the live board. The season defaults to the one the board's schedule gives at {@code
 * at}. Only users whose status is {@code active} now are ranked: erased users must be forgotten
 * (GDPR), and frozen users are suspected cheaters who are off every live board too — the answer is
 * for deciding who led, and no status history is kept to tell whether they were frozen then.
 * Display names are today's public names (names are not kept over time).
 *
 * <p><b>Cost.</b> One statement: the users of the board and season are enumerated by skipping
 * through {@code ix_score_events_standings} (one index probe per user), and each user's standing is
 * one backward index-only probe of the same index; only the per-user standings are sorted, never
 * the events.
 */
package dev.livescoreboard.command.asof;
