package dev.livescoreboard.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One user's rank on a board and season changed. It is the payload of the personal {@code
 * RANK_CHANGED} push (SPEC §5), which the gateway sends to that user's own connections only; the
 * projector publishes it, inside {@link RanksChanged}, on {@link
 * LeaderboardKeys#rankChangedChannel()}.
 *
 * <p>Ranks are the user's ordinal ranks on the whole board (1 = best), by the ranking rule of
 * {@link RankingCodec}.
 *
 * @param board board id
 * @param season season id
 * @param userId the user whose rank changed
 * @param fromRank rank before, or {@code null} when this was the user's first score on the board
 * @param toRank rank after
 * @param score the user's score now
 * @param inTopN whether {@code toRank} is within the board's top N
 * @param overtakenBy the user who passed them, when their rank got worse because someone else
 *     scored; absent (omitted from the JSON) otherwise
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RankChanged(
    String board,
    String season,
    String userId,
    Integer fromRank,
    int toRank,
    long score,
    boolean inTopN,
    @JsonInclude(JsonInclude.Include.NON_NULL) String overtakenBy) {}
