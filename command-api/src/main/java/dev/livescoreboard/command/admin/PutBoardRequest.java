package dev.livescoreboard.command.admin;

import dev.livescoreboard.events.BoardDefined;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code PUT /api/v1/admin/boards/{id}}: the whole definition (every field is required).
 *
 * @param title shown to people, 1–100 characters, no control characters
 * @param scoreCap no score goes above it from now on; lowering it does not change existing scores
 * @param topN size of the board's live top list, 1–100
 * @param resetSchedule {@code never}, {@code daily}, {@code weekly} or {@code monthly} (UTC)
 */
record PutBoardRequest(
    @NotNull
        @Size(min = 1, max = BoardDefined.MAX_TITLE_LENGTH)
        @Pattern(regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*", message = "must be visible text")
        String title,
    @NotNull @Min(1) @Max(MAX_SCORE_CAP) Long scoreCap,
    @NotNull @Min(1) @Max(BoardDefined.MAX_TOP_N) Integer topN,
    @NotNull
        @Pattern(
            regexp = "never|daily|weekly|monthly",
            message = "must be never, daily, weekly or monthly")
        String resetSchedule) {

  /** Scores stay exact in JavaScript clients and in the ranking encoding. */
  static final long MAX_SCORE_CAP = 1_000_000_000_000L;
}
