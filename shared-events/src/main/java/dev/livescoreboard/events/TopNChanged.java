package dev.livescoreboard.events;

import java.time.Instant;
import java.util.List;

/**
 * The top N of a board and season changed. The projector publishes it on the Redis channel {@link
 * LeaderboardKeys#topChangedChannel()} and stores the latest one under {@link
 * LeaderboardKeys#top(String, String)}, so the stored value is also the current snapshot.
 *
 * <p>{@code seq} grows by one per change of one board and season; a subscriber that receives {@code
 * seq} lower than or equal to one it already has ignores it, and one that sees a gap knows it
 * skipped intermediate states (the entries are always the complete current top N).
 *
 * @param board board id
 * @param season season id
 * @param seq sequence number of this top-N state
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
    List<LeaderboardEntry> entries,
    List<RankChange> changes,
    Instant sourceCommittedAt,
    String traceId) {

  public TopNChanged {
    entries = List.copyOf(entries);
    changes = List.copyOf(changes);
  }
}
