package dev.livescoreboard.command.profile;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Response of {@code GET /api/v1/users/me}, read from PostgreSQL (so it shows the caller's own
 * completed actions at once).
 *
 * @param userId the caller
 * @param displayName their display name (also when they opted out of public boards)
 * @param isPublic {@code false}: public boards and events show them as "Anonymous"
 * @param status {@code active} or {@code frozen}
 * @param scores their score on each board and season they scored on
 */
record UserProfile(
    String userId,
    String displayName,
    @JsonProperty("public") boolean isPublic,
    String status,
    List<BoardScore> scores) {}
