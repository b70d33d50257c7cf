package dev.livescoreboard.events;

import java.util.List;

/**
 * The ranks that one applied score event changed and that players are told about, published by the
 * projector on {@link LeaderboardKeys#rankChangedChannel()} in the same atomic step as the event's
 * ranking update. One message per event, only when the scoring user's rank changed (or it was their
 * first score); a duplicate or rank-keeping event publishes nothing.
 *
 * <p>{@code changes} holds first the scoring user's own change, then, only when the top N changed,
 * the other users inside the top N (or just leaving or entering it) whose rank moved by one because
 * of it: with {@code overtakenBy} = the scorer when it got worse (passed, or pushed out of the top
 * N), without it when it got better (the scorer fell below them). Users outside the top N who were
 * passed are not listed: that is what keeps one message small, at most N + 1 entries.
 *
 * @param board board id
 * @param season season id
 * @param changes the changed ranks, the scoring user first
 */
public record RanksChanged(String board, String season, List<RankChanged> changes) {

  public RanksChanged {
    changes = List.copyOf(changes);
  }
}
