package dev.livescoreboard.command.profile;

import java.time.Instant;

/**
 * The caller's score on one board and season.
 *
 * @param board the board
 * @param season the season
 * @param score the score
 * @param version how many changes made it (the {@code userVersion} of the last one)
 * @param reachedAt when the score was reached (ties rank the earlier first)
 */
record BoardScore(String board, String season, long score, long version, Instant reachedAt) {}
