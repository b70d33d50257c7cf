/**
 * Live board state and its fan-out.
 *
 * <p>Threads: {@code onTopChanged} runs on the Redis subscriber thread (and on the blocking pool
 * for lazy loads and refreshes) and only stores the state and signals the board's throttle; each
 * board's broadcasts run on one worker event loop chosen when the board is first seen; everything
 * that touches one channel's subscriptions runs on that channel's event loop; {@link
 * dev.livescoreboard.gateway.board.LeaderboardStore} is only called on the blocking pool.
 *
 * <p>Broadcast throttle ({@code broadcast-interval}, default 50 ms, per board, leading edge): the
 * first change after a quiet interval is broadcast at once; changes within the interval of the last
 * broadcast are coalesced, and when the interval ends the latest state (only) is broadcast. A
 * change allocates nothing on the hot path (one atomic flag, preallocated tasks); at most one timer
 * per board per interval. Meters {@code gateway.board.changes} and {@code gateway.board.broadcasts}
 * (tag {@code board}) show what it saves.
 *
 * <p>Writes and flushes: a broadcast writes one shared frame to each subscriber with {@code
 * ChannelGroup.writeAndFlush} (one write and one flush per channel per broadcast, executed on the
 * channel's own loop). The pipeline's {@code FlushConsolidationHandler} then merges the flushes
 * queued on a channel's loop — updates of several boards, a SNAPSHOT and an update — into one
 * syscall, so several boards changing at once never cost a flush per message per channel.
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A board's state only moves forward: a change with a seq not above the known one (same
 *       season) is ignored, a later season replaces an earlier one. Updates may skip seqs (the
 *       entries are always the complete top N).
 *   <li>Each state is serialized once; all subscribers are sent the same bytes.
 *   <li>A board's broadcasts never overlap and their seqs only grow. A new subscriber's SNAPSHOT is
 *       the latest state even while its broadcast is pending (it may then also get that state as
 *       an update with the same seq, which a client ignores).
 *   <li>A subscriber first gets a {@code SNAPSHOT}, then every newer {@code LEADERBOARD_UPDATE}
 *       while it keeps up. While its channel is not writable, updates are not queued: it is marked
 *       as owed, and once writable it receives only the latest state of each owed board.
 *   <li>After the Redis subscription (re)connects, every known board is reloaded, so a change
 *       published while it was down still reaches subscribers.
 * </ul>
 */
package dev.livescoreboard.gateway.board;
