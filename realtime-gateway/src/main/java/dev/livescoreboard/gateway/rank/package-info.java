/**
 * The player's read side beyond the in-memory top N: one user's rank, the entries around a user,
 * pages of a board and a friends view, all read from the projector's ranking sorted set.
 *
 * <p>Threads: {@link dev.livescoreboard.gateway.rank.RankReads} blocks on Redis and runs only on
 * the blocking executor; everything else here is pure data and arithmetic, safe on any thread.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>Ranks are ordinal, 1..{@code totalUsers}: a user's rank is one more than their {@code
 *       ZRANK} in the ranking set, whose order is the ranking rule ({@link
 *       dev.livescoreboard.events.RankingCodec}: score descending, earlier reach, smaller userId),
 *       so ranks agree with the top-N list and no two users share one.
 *   <li>A user's rank, score, {@code totalUsers} and the top-N cut-off of one answer are read in
 *       one {@code MULTI}/{@code EXEC}, so they come from one state of the board. The entries of a
 *       page or around-window and their {@code totalUsers} are read in one transaction too; an
 *       around-window is read right after the user's rank, so it is centred on that rank even if
 *       the user moved in between.
 *   <li>{@code pointsToTopN} is 0 inside the top N; otherwise the points that would put the user
 *       strictly ahead of the N-th entry: {@code scoreOfNth - score + 1}, because on an equal score
 *       the earlier reach ranks first and the user would reach it later.
 *   <li>{@code percentile} is the share of the board's users ranked below the user, 0..100, rounded
 *       down to one decimal: the best of 200 users has 99.5, the last one (and a lone user) 0.
 *   <li>The friends view ranks the named users among themselves by their board rank; ids that are
 *       not on the board are left out of the answer rather than reported.
 *   <li>A board is known once the read model has a current season for it (the projector sets it
 *       with the board's first score): the gateway's in-memory state or the {@code current-season}
 *       key. Until the board registry exists (issue 11, item 1) that is the whole rule; reads of an
 *       unknown board answer {@code BOARD_NOT_FOUND}, whatever season they ask for.
 * </ul>
 */
package dev.livescoreboard.gateway.rank;
