/**
 * A user's entries on the boards (one per board and season they scored on), as operators change
 * them: frozen, unfrozen, erased, renamed or made (non-)public.
 *
 * <p><b>Guarantees.</b> Such a change bumps {@code user_scores.version} of every entry of the user
 * by one, the sequence score changes use too, and appends one {@code ENTRY_CHANGED} per entry with
 * the entry's whole state, in the transaction of the change: the read model applies it by version
 * like a score change (a replayed or reordered delivery changes nothing) and never learns of a
 * change that rolled back. The caller holds the user's row {@code FOR UPDATE}; every complete locks
 * that row ({@code FOR NO KEY UPDATE}) before it reads a score, so no score change interleaves with
 * the bump and an entry's versions stay one sequence without duplicates. The score and the time it
 * was reached are left as they are, so an unfrozen user ranks exactly where they were.
 */
package dev.livescoreboard.command.entry;
