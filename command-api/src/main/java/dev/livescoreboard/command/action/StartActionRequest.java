package dev.livescoreboard.command.action;

import dev.livescoreboard.events.BoardIds;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code POST /api/v1/actions}.
 *
 * @param actionType a catalog action type
 * @param board the board to score on, {@code global} when absent
 */
record StartActionRequest(
    @NotNull @Pattern(regexp = "[A-Za-z0-9_]{1,64}", message = "must be an action type")
        String actionType,
    @Pattern(regexp = BoardIds.BOARD_PATTERN, message = "must match " + BoardIds.BOARD_PATTERN)
        String board) {}
