package dev.livescoreboard.gateway.rank;

import dev.livescoreboard.events.LeaderboardEntry;

/**
 * One user's place on a board, read from one state of its ranking.
 *
 * @param entry the user's entry, with their ordinal rank
 * @param totalUsers users on the board and season
 * @param cutoffScore the score of the N-th entry, or {@code null} if the board has fewer than N
 */
public record Standing(LeaderboardEntry entry, long totalUsers, Long cutoffScore) {}
