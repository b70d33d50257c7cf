package dev.livescoreboard.events;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.time.Instant;
import java.util.List;

/**
 * The top N of a board and season changed. The projector publishes it on the Redis channel {@link
 * LeaderboardKeys#topChangedChannel()} and stores the latest one under {@link
 * LeaderboardKeys#top(String, String)}, so the stored value is also the current snapshot.
 *
 * <p>{@code seq} grows by one per change of one board and season's top N; a subscriber that
 * receives {@code seq} lower than one it already has ignores it, and one that sees a gap knows it
 * skipped intermediate states (the entries are always the complete current top N).
 *
 * <p>The state also carries the board's size, {@code totalUsers}. When only that changes (a user's
 * first score below the top N, a user removed from or restored to the board below it) the projector
 * stores and publishes the same state again with the same {@code seq}, entries, changes and {@code
 * sourceCommittedAt} and the new {@code totalUsers}: not a top-N change, so nothing is broadcast
 * for it; a subscriber that keeps the size takes the latest such message of the seq it holds.
 *
 * @param board board id
 * @param season season id
 * @param seq sequence number of this top-N state
 * @param totalUsers how many users are ranked on the board in this season (all of them, not only
 *     the top N)
 * @param entries the complete current top N, best first
 * @param changes users whose rank within the top N changed (entered, left or moved)
 * @param sourceCommittedAt when the score change that caused this state was committed
 * @param traceId the W3C trace id ({@link TraceParent#traceId()}) of the request whose score change
 *     caused this state, or {@code null} for a state no traced request caused (an operator's
 *     change, a season start, a board definition, a rebuild)
 */
public record TopNChanged(
    String board,
    String season,
    long seq,
    // A state stored by a projector older than this field reads as 0, instead of failing every
    // gateway that loads it, until the board's top N next changes and is stored with its size.
    @JsonSetter(nulls = Nulls.AS_EMPTY) long totalUsers,
    List<LeaderboardEntry> entries,
    List<RankChange> changes,
    Instant sourceCommittedAt,
    String traceId) {

  public TopNChanged {
    entries = List.copyOf(entries);
    changes = List.copyOf(changes);
  }

  /** This state with the board's size {@code totalUsers} (the projector's republish). */
  public TopNChanged withTotalUsers(long totalUsers) {
    return new TopNChanged(
        board, season, seq, totalUsers, entries, changes, sourceCommittedAt, traceId);
  }
}
