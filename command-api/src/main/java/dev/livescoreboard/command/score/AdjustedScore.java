package dev.livescoreboard.command.score;

import java.util.UUID;

/**
 * Response of {@code POST /api/v1/admin/users/{userId}/adjustments} (200).
 *
 * @param eventId id of the score event (also the Kafka event's {@code eventId})
 * @param userId the adjusted user
 * @param board the board
 * @param season the board's season the adjustment belongs to (the current one)
 * @param delta {@code newScore - previousScore}
 * @param previousScore the score before
 * @param newScore the score now
 * @param reason the admin's reason
 */
record AdjustedScore(
    UUID eventId,
    String userId,
    String board,
    String season,
    long delta,
    long previousScore,
    long newScore,
    String reason) {}
