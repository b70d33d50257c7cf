package dev.livescoreboard.command.registry;

import dev.livescoreboard.events.BoardDefined;

/**
 * A board as committed, with the event that announces it.
 *
 * @param created whether the board did not exist before
 * @param event the {@code BOARD_DEFINED} written to the outbox in the same transaction
 */
public record DefinedBoard(boolean created, BoardDefined event) {}
