package dev.livescoreboard.command.season;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/admin/boards/{id}/reset}, optional.
 *
 * @param reason why the operator resets the board, kept in the audit log; 1–500 characters
 */
record ResetBoardRequest(
    @Size(min = 1, max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*\\S[^\\p{Cntrl}]*", message = "must be visible text")
        String reason) {}
