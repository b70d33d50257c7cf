package dev.livescoreboard.gateway.registry;

/**
 * One season of a board as {@code GET /api/v1/leaderboards/{board}/seasons} lists it; field names
 * are the public API.
 *
 * @param season the season id, readable with {@code ?season=}
 * @param startedAt when it started (ISO-8601), {@code null} if the read model does not know
 * @param endedAt when it ended (ISO-8601), {@code null} for the current season
 */
public record SeasonInfo(String season, String startedAt, String endedAt) {}
