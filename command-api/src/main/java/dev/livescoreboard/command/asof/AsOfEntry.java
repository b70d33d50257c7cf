package dev.livescoreboard.command.asof;

import java.time.Instant;

/**
 * One place of a board as it stood at an instant.
 *
 * @param rank 1, 2, 3… (ordinal: equal scores still get distinct ranks, by the live ranking rule)
 * @param userId the user
 * @param displayName the name public boards show now ({@code Anonymous} for users who opted out;
 *     names are not kept over time)
 * @param score the score the user had at that instant
 * @param reachedAt when the user reached that score
 */
record AsOfEntry(long rank, String userId, String displayName, long score, Instant reachedAt) {}
