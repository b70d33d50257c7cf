package dev.livescoreboard.gateway.rank;

import dev.livescoreboard.events.LeaderboardEntry;
import java.util.List;

/**
 * Entries of a board with their board ranks, and how many users the board has.
 *
 * @param entries best first
 * @param totalUsers users on the board and season when the entries were read
 */
public record RankedPage(List<LeaderboardEntry> entries, long totalUsers) {

  public RankedPage {
    entries = List.copyOf(entries);
  }
}
