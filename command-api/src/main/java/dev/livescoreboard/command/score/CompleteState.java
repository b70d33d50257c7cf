package dev.livescoreboard.command.score;

import dev.livescoreboard.command.user.User;
import java.util.Optional;

/**
 * What a complete decides on, read under the user's row lock ({@link ScoreStore#lockForComplete}).
 *
 * @param user the user's row, empty if there is none
 * @param season the board's current season as recorded, {@code null} before its first
 * @param score the user's score in that season (score 0, version 0 before the first change)
 * @param nonceUsed whether the action token's nonce is already recorded
 * @param quota the user's completes of the action type in its quota windows (0 without a quota)
 */
record CompleteState(
    Optional<User> user,
    String season,
    ScoreRecord score,
    boolean nonceUsed,
    ActionLimits.Counts quota) {}
