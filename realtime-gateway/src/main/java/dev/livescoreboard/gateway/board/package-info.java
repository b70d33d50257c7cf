/**
 * Live board state and its fan-out.
 *
 * <p>Threads: {@code onTopChanged} runs on the Redis subscriber thread (and on the blocking pool
 * for lazy loads and refreshes); everything that touches one channel's subscriptions runs on that
 * channel's event loop; {@link dev.livescoreboard.gateway.board.LeaderboardStore} is only called on
 * the blocking pool.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A board's state only moves forward: a change with a seq not above the known one (same
 *       season) is ignored, a later season replaces an earlier one. Updates may skip seqs (the
 *       entries are always the complete top N).
 *   <li>Each state is serialized once; all subscribers are sent the same bytes.
 *   <li>A subscriber first gets a {@code SNAPSHOT}, then every newer {@code LEADERBOARD_UPDATE}
 *       while it keeps up. While its channel is not writable, updates are not queued: it is marked
 *       as owed, and once writable it receives only the latest state of each owed board.
 *   <li>After the Redis subscription (re)connects, every known board is reloaded, so a change
 *       published while it was down still reaches subscribers.
 * </ul>
 */
package dev.livescoreboard.gateway.board;
