package dev.livescoreboard.command.anomaly;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * An anomaly flag, as {@code GET /api/v1/admin/flags} shows it.
 *
 * @param id the flag's id (newer flags have larger ids)
 * @param userId the flagged user
 * @param reason {@code RATE_PINNED_AT_LIMIT}, {@code COMPLETES_AT_MINIMUM_DURATION} or {@code
 *     POINTS_FAR_ABOVE_POPULATION}
 * @param details the numbers behind the reason, as the job measured them
 * @param flaggedAt when the job flagged the user
 * @param status {@code open} or {@code resolved}
 * @param resolvedBy the operator who resolved it ({@code sub} of their token), {@code null} while
 *     open
 * @param resolvedAt when it was resolved, {@code null} while open
 * @param resolutionNote the operator's note, if any
 */
record Flag(
    long id,
    String userId,
    String reason,
    JsonNode details,
    Instant flaggedAt,
    String status,
    String resolvedBy,
    Instant resolvedAt,
    String resolutionNote) {

  static final String OPEN = "open";
  static final String RESOLVED = "resolved";
}
