/**
 * Personal pushes: {@code RANK_CHANGED} (SPEC §5) to the live connections of the user it is about,
 * and to no one else.
 *
 * <p><b>What a user receives.</b> Every {@link dev.livescoreboard.events.RankChanged} of the
 * projector's {@link dev.livescoreboard.events.RanksChanged} (which states when the projector
 * publishes one, and who is in it), on each of their open authenticated connections, for every
 * board, not only the boards the connection watches: it is news about the player, who wants to hear
 * "you were overtaken on weekly" while looking at global, and the message names its board. A
 * transport whose connection is about one board (SSE's {@code /{board}/stream}) may keep to it.
 * Anonymous connections are never indexed and never receive one.
 *
 * <p><b>Cost.</b> Delivery works per changed user, never per connection or per board: a change of a
 * user who is not connected costs one hash lookup and nothing else; a connected user's message is
 * encoded once and written to their few connections (at most the per-user connection limit per
 * transport).
 *
 * <p><b>Threads.</b> Channels are registered and removed on their event loops, and looked up on the
 * rank-changed subscriber thread; the index is a concurrent map of immutable lists. Each write is
 * handed to its channel's own event loop: the subscriber thread never writes to a socket and no
 * event loop ever blocks.
 *
 * <p><b>Bounds.</b> A connection that is not writable (pending bytes above the write-buffer
 * high-water mark) drops its personal pushes, counted in {@code gateway.personal.dropped}: nothing
 * queues up for a slow reader. A dropped push is not resent; the player's current standing is one
 * {@code GET .../users/me} away, and the board itself catches up as the board package states.
 * Pub/sub is at-most-once, so pushes published while the gateway was disconnected from Redis are
 * lost alike.
 */
package dev.livescoreboard.gateway.personal;
