/**
 * The live boards: the newest top N of every board that has data, held in memory, and the fan-out
 * of each newer state to the board's subscribers, WebSocket and SSE channels alike. This in-memory
 * state is the gateway's cache of the projector's read model, kept current by its pub/sub changes:
 * SNAPSHOTs and the current top N over HTTP are answered from it. The read model itself ({@link
 * dev.livescoreboard.gateway.board.LeaderboardStore}) is read only for a board not in memory yet
 * (its first request, or every request for a board without data), to reload the known boards after
 * the pub/sub subscription (re)connects, and by the HTTP API for other seasons or longer lists.
 *
 * <p>Threads:
 *
 * <ul>
 *   <li>A newer state is stored on the thread that brings it (the Redis subscriber thread for the
 *       projector's changes, the blocking pool for loads and refreshes), which then only signals
 *       the board's throttle: one atomic flag, no allocation.
 *   <li>The read model is called only on the blocking pool, never on an event loop.
 *   <li>Each board's throttle decisions and broadcasts run on one worker event loop, chosen when
 *       the board is first seen.
 *   <li>Everything that touches one channel (its subscriptions, its SNAPSHOT, the broadcast writes
 *       to it, its catch-up after being slow) runs on that channel's event loop, so the per-channel
 *       and per-loop state needs no locks.
 * </ul>
 *
 * <p>Broadcast throttle ({@code broadcast-interval}, default 50 ms, per board, leading edge): the
 * first change after a quiet interval is broadcast at once; changes within the interval of the last
 * broadcast are coalesced, and when the interval ends the latest state (only) is broadcast. At most
 * one timer per board per interval. Meters {@code gateway.board.changes} and {@code
 * gateway.board.broadcasts} (tag {@code board}) show what it saves. Each broadcast is timed from
 * its start to the last loop's flush ({@link dev.livescoreboard.gateway.board.BoardMeters}).
 *
 * <p>Fan-out: a board's subscribers are grouped by the event loop their channel lives on, each with
 * its cursor of the board (what it was last sent), so a broadcast looks nothing up per channel. A
 * broadcast queues one task per such loop, then runs its own loop's part at once, so all loops
 * write at the same time (running its own first would hold the others back until it is done); the
 * task writes to each of that loop's subscribers with {@code voidPromise()} (no task, promise or
 * future per channel), then flushes each channel it wrote once. Moving a cursor writes a seq, not a
 * reference into the long-lived per-channel objects, so a broadcast gives the garbage collector's
 * remembered sets nothing to refine beyond what Netty's own write path does. What it writes is a
 * {@code duplicate()} of the state's message encoded for the channel's {@link
 * dev.livescoreboard.gateway.board.Transport}, fixed per channel: a complete WebSocket frame,
 * header and payload, encoded by Netty's own encoder (the gateway's frames are alike for every
 * connection: unmasked, no extensions), or a complete Server-Sent Event ({@code event:}, {@code
 * id:} seq, {@code data:} the same JSON). Either is unreleasable direct memory, and a raw buffer
 * passes the channel's frame encoder (WebSocket) or the HTTP encoder of a close-delimited response
 * (SSE) untouched, so there is no per-subscriber serializing, framing or copying. The pipeline's
 * {@code FlushConsolidationHandler} merges only the flushes of one read (outside a read it would
 * schedule a task per channel).
 *
 * <p>Guarantees:
 *
 * <ul>
 *   <li>A board's state only moves forward: a change whose seq is not above the known one (same
 *       season) is ignored, a later season replaces an earlier one, whatever order pub/sub, loads
 *       and refreshes deliver them in. Updates may skip seqs (entries are always the complete top
 *       N). The one exception: the known state republished with another board size ({@code
 *       totalUsers}, same seq) replaces it, keeping its entries and changes, and is not broadcast.
 *   <li>A board's broadcasts never overlap and their seqs only grow. Each channel remembers the
 *       state it was last sent per board and is never sent one that is not newer, so whatever order
 *       a SNAPSHOT, broadcasts queued before it and a catch-up reach its loop in, it sees growing
 *       seqs without repeats.
 *   <li>A state of another season than the last message a channel was sent for the board (the
 *       projector's empty top N of a season that just started, at a schedule boundary or a forced
 *       reset) is written as a {@code SNAPSHOT}, not an update, over WebSocket and SSE alike: the
 *       client's entries belong to the ended season, so it starts over from the new one.
 *   <li>A subscriber joins the board's subscribers before the state is read, so no update falls
 *       between its {@code SNAPSHOT} (the latest state, even while a broadcast is pending) and its
 *       first {@code LEADERBOARD_UPDATE}; it then gets every newer state that is broadcast while it
 *       keeps up. A subscriber that resumes with the seq of the current state (SSE's {@code
 *       Last-Event-ID}) is sent no {@code SNAPSHOT} and counts as sent that state, so its first
 *       message is the next newer update; any other seq gets the {@code SNAPSHOT}. If the first
 *       load fails it stays subscribed and gets the state with the next change or refresh.
 *   <li>Conflation: while a channel is not writable, updates are not queued for it; it is marked as
 *       owed, and once writable again it receives only the latest state of each owed board.
 *   <li>Every update carries the {@code sourceCommittedAt} and {@code traceId} of the state it
 *       shows: an update that stands for several states (throttled, or conflated for a slow
 *       channel) carries those of the latest, the one it shows; the traces of the skipped states
 *       end at the gateway.
 *   <li>After the Redis subscription (re)connects, every known board is reloaded, so a change
 *       published while it was down still reaches subscribers.
 *   <li>Each state is encoded at most once per message type and transport (on first use; a state
 *       the throttle coalesces away never is, nor for a transport no subscriber uses), and every
 *       subscriber of one transport is sent the same bytes. An update carries {@code sentAt}, the
 *       time its first encoding began, i.e. when the gateway started sending that state: one value
 *       for every subscriber and transport. Ordering, conflation and the memory bounds below are
 *       the same for both transports: they are decided per channel and board before the transport's
 *       bytes are picked.
 * </ul>
 *
 * <p>Memory bounds: per board that has data, one state (its current season only, with at most four
 * encoded messages: two types in two transports) and one throttle. A replaced state, frames
 * included, is reclaimed by the garbage collector once no channel has it in its outbound buffer
 * (channels never free the unreleasable buffers). Per connection: at most the subscription limit of
 * boards (enforced by the {@code websocket} package; an SSE stream watches one), and per board the
 * season and seq of the last state sent and one owed flag, never a queue of frames. Writability is
 * checked before each broadcast write and before a catch-up, so what this package queues in a slow
 * channel's outbound buffer stays within the write-buffer high-water mark plus one frame per board
 * it watches, and those frames are duplicates of the shared buffers. The subscriber index holds one
 * entry per board and event loop that has subscribers, dropped with the last one.
 */
package dev.livescoreboard.gateway.board;
