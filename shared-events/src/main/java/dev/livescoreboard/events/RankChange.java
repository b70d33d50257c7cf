package dev.livescoreboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How one user moved within the top N.
 *
 * @param userId the user
 * @param fromRank rank before the change, or {@code null} if the user was not in the top N
 * @param toRank rank after the change, or {@code null} if the user left the top N
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RankChange(String userId, Integer fromRank, Integer toRank) {}
