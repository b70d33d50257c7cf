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
 * <p><b>Cost.</b> One statement: one index-only pass over the board and season's entries of {@code
 * ix_score_events_standings} ({@code board_id, season, user_id, user_version DESC}, with the commit
 * time, score and reach time included), which is already in the order DISTINCT ON needs, so the
 * events are never sorted; only the per-user standings are, as a top-N heap. On 1,000,000 events
 * this measured faster than skipping through the index one probe per user (a recursive query),
 * whose per-probe cost outweighs reading about 50 index entries per user.
 */
package dev.livescoreboard.command.asof;
