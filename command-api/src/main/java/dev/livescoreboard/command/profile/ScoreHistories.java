package dev.livescoreboard.command.profile;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * One page of a user's score history, for the player's own view and the admin's alike: checks the
 * page size and the cursor, reads one row more than asked (to tell whether another page follows)
 * and hands out the cursor of the next page.
 */
@Component
class ScoreHistories {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final ProfileQueries queries;

  ScoreHistories(ProfileQueries queries) {
    this.queries = queries;
  }

  /**
   * The page of {@code userId}'s events (optionally of one board and season) after {@code cursor}.
   *
   * @throws ApiException {@code VALIDATION_FAILED} for a limit outside 1..100 or a bad cursor
   */
  ScoreHistory page(String userId, String board, String season, Integer limit, String cursor) {
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "limit: must be 1.." + MAX_LIMIT);
    }
    HistoryCursor after = cursor == null ? null : HistoryCursor.decode(cursor);
    List<HistoryItem> rows = queries.history(userId, board, season, after, pageSize + 1);
    if (rows.size() <= pageSize) {
      return new ScoreHistory(rows, null);
    }
    List<HistoryItem> page = rows.subList(0, pageSize);
    HistoryItem last = page.get(pageSize - 1);
    return new ScoreHistory(
        List.copyOf(page), new HistoryCursor(last.committedAt(), last.eventId()).encode());
  }
}
