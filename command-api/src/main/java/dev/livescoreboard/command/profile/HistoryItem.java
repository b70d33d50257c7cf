package dev.livescoreboard.command.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;

/**
 * One score change of the caller. Exactly one of {@code actionType} (a completed action) and {@code
 * reason} (an admin adjustment) is present.
 *
 * @param eventId the score event's id (also the Kafka event's {@code eventId})
 * @param board the board
 * @param season the season
 * @param actionType the completed action, absent for an adjustment
 * @param reason the admin's reason, absent for an action
 * @param delta {@code newScore - previousScore}
 * @param previousScore the score before
 * @param newScore the score after
 * @param userVersion 1, 2, 3… per board, season and user
 * @param committedAt when the change was committed
 */
record HistoryItem(
    UUID eventId,
    String board,
    String season,
    @JsonInclude(JsonInclude.Include.NON_NULL) String actionType,
    @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
    long delta,
    long previousScore,
    long newScore,
    long userVersion,
    Instant committedAt) {}
