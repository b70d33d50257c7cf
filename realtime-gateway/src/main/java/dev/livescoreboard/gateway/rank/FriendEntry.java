package dev.livescoreboard.gateway.rank;

import dev.livescoreboard.events.LeaderboardEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the friends view; field names are the public API.
 *
 * @param rank ordinal rank among the requested users, 1 is the best of them
 * @param boardRank the user's rank on the whole board
 * @param userId the user
 * @param displayName the name to render (as text, never as markup)
 * @param score the user's score
 */
public record FriendEntry(int rank, int boardRank, String userId, String displayName, long score) {

  /** The friends view of {@code entries}, which are best first. */
  public static List<FriendEntry> rank(List<LeaderboardEntry> entries) {
    List<FriendEntry> friends = new ArrayList<>(entries.size());
    for (LeaderboardEntry entry : entries) {
      friends.add(
          new FriendEntry(
              friends.size() + 1,
              entry.rank(),
              entry.userId(),
              entry.displayName(),
              entry.score()));
    }
    return friends;
  }
}
