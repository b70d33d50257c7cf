package dev.livescoreboard.gateway.registry;

/**
 * A defined board as the read API lists it; field names are the public API.
 *
 * @param board the id
 * @param title shown to people
 * @param topN size of the board's live top list
 * @param resetSchedule {@code never}, {@code daily}, {@code weekly} or {@code monthly}
 * @param currentSeason the read model's current season of the board, or the season its definition
 *     names while nothing has scored yet
 */
public record BoardInfo(
    String board, String title, int topN, String resetSchedule, String currentSeason) {}
