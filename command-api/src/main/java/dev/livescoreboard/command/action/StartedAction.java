package dev.livescoreboard.command.action;

import java.time.Instant;

/**
 * Response of {@code POST /api/v1/actions} (201).
 *
 * @param actionToken the single-use token to send to {@code POST /api/v1/actions/complete}
 * @param actionType the started action
 * @param board the board it will score on
 * @param points what completing it adds (before the board's cap)
 * @param expiresAt when the token stops being accepted
 */
record StartedAction(
    String actionToken, String actionType, String board, int points, Instant expiresAt) {}
