package dev.livescoreboard.command.score;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/admin/users/{userId}/adjustments}.
 *
 * @param board the board whose current season is adjusted
 * @param delta points to add (positive) or take away (negative), never 0; the result must stay
 *     within 0 and the board's cap
 * @param reason why, 1–500 characters of visible text: stored with the event, sent to Kafka and
 *     written to the audit trail
 */
record AdjustScoreRequest(
    @NotBlank @Size(max = 64) String board,
    @NotNull Long delta,
    @NotNull
        @Size(min = 1, max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*", message = "must be visible text")
        String reason) {}
