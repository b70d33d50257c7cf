package dev.livescoreboard.command.score;

import java.util.UUID;

/**
 * Response of {@code POST /api/v1/actions/complete} (200).
 *
 * @param eventId id of the score event (also the Kafka event's {@code eventId})
 * @param userId the caller
 * @param board the board scored on
 * @param season the board's season the change belongs to
 * @param actionType the completed action
 * @param delta {@code newScore - previousScore} (less than the action's points at the cap)
 * @param previousScore the score before
 * @param newScore the score now
 */
record CompletedAction(
    UUID eventId,
    String userId,
    String board,
    String season,
    String actionType,
    long delta,
    long previousScore,
    long newScore) {}
