/**
 * Live board state and its fan-out.
 *
 * <p>Threads: {@code onTopChanged} runs on the Redis subscriber thread (and on the blocking pool
 * for lazy loads and refreshes) and only stores the state and signals the board's throttle; each
 * board's broadcasts run on one worker event loop chosen when the board is first seen; everything
 * that touches one channel — its subscriptions, its SNAPSHOTs, the broadcast writes to it and its
 * catch-up after being slow — runs on that channel's event loop; {@link
 * dev.livescoreboard.gateway.board.LeaderboardStore} is only called on the blocking pool.
 *
 * <p>Broadcast throttle ({@code broadcast-interval}, default 50 ms, per board, leading edge): the
 * first change after a quiet interval is broadcast at once; changes within the interval of the last
 * broadcast are coalesced, and when the interval ends the latest state (only) is broadcast. A
 * change allocates nothing on the hot path (one atomic flag, preallocated tasks); at most one timer
 * per board per interval. Meters {@code gateway.board.changes} and {@code gateway.board.broadcasts}
 * (tag {@code board}) show what it saves.
 *
 * <p>Fan-out: a board's subscribers are grouped by the event loop their channel lives on. A
 * broadcast queues one task per such loop (runs it at once for its own loop); the task writes the
 * state to each of that loop's subscribers with {@code voidPromise()} (no promise, future or task
 * per channel), then flushes each channel it wrote once. What it writes is a {@code duplicate()} of
 * the state's complete WebSocket frame, header and payload, encoded once by Netty's own encoder
 * (frames are alike for all: unmasked, no extensions) into unreleasable direct memory, so there is
 * no per-subscriber serializing, framing or copying; a raw buffer passes the channel's frame
 * encoder untouched. The pipeline's {@code FlushConsolidationHandler} merges only the flushes of
 * one read (outside reads it would schedule a task per channel).
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A board's state only moves forward: a change with a seq not above the known one (same
 *       season) is ignored, a later season replaces an earlier one. Updates may skip seqs (the
 *       entries are always the complete top N).
 *   <li>Each state is encoded at most once per message type (on first use); all subscribers are
 *       sent the same bytes.
 *   <li>A board's broadcasts never overlap and their seqs only grow. Each channel remembers the
 *       state it was last sent per board and is never sent one that is not newer, so whatever order
 *       a SNAPSHOT, broadcasts queued before it and a catch-up reach its loop in, it sees growing
 *       seqs without repeats. A new subscriber's SNAPSHOT is the latest state even while its
 *       broadcast is pending.
 *   <li>A subscriber first gets a {@code SNAPSHOT}, then every newer {@code LEADERBOARD_UPDATE}
 *       while it keeps up. While its channel is not writable, updates are not queued: it is marked
 *       as owed, and once writable it receives only the latest state of each owed board.
 *   <li>After the Redis subscription (re)connects, every known board is reloaded, so a change
 *       published while it was down still reaches subscribers.
 * </ul>
 */
package dev.livescoreboard.gateway.board;
