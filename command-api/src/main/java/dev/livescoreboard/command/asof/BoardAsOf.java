package dev.livescoreboard.command.asof;

import java.time.Instant;
import java.util.List;

/**
 * Response of {@code GET /api/v1/admin/boards/{id}/as-of}.
 *
 * @param board the board
 * @param season the season shown (by default the one that was current at {@code at})
 * @param at the instant
 * @param entries the top of the board at {@code at}, best first
 * @param totalUsers how many users were ranked on the board and season at {@code at}
 */
record BoardAsOf(
    String board, String season, Instant at, List<AsOfEntry> entries, long totalUsers) {}
