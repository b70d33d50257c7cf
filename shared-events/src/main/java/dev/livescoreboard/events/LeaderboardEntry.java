package dev.livescoreboard.events;

/**
 * One row of a leaderboard.
 *
 * @param rank ordinal rank, 1 is the best
 * @param userId the user
 * @param displayName the name to render (as text, never as markup)
 * @param score the user's score on the board and season
 */
public record LeaderboardEntry(int rank, String userId, String displayName, long score) {}
