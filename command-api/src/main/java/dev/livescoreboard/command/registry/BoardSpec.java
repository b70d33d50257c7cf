package dev.livescoreboard.command.registry;

import dev.livescoreboard.command.board.ResetSchedule;

/**
 * What an operator says a board is.
 *
 * @param title shown to people
 * @param scoreCap no score goes above it from now on (a lower cap does not rewrite history)
 * @param topN size of the live top list, 1..100
 * @param resetSchedule when a new season starts
 */
public record BoardSpec(String title, long scoreCap, int topN, ResetSchedule resetSchedule) {}
