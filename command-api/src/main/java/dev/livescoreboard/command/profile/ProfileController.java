package dev.livescoreboard.command.profile;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own profile and score history, from PostgreSQL: a player sees their completed action
 * at once, before the read model has caught up. Unknown callers get 404 (or are registered when
 * auto-registration is on, as on start and complete); frozen users may still look.
 */
@RestController
class ProfileController {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private final Users users;
  private final Boards boards;
  private final ProfileQueries queries;

  ProfileController(Users users, Boards boards, ProfileQueries queries) {
    this.users = users;
    this.boards = boards;
    this.queries = queries;
  }

  @Operation(summary = "The caller's profile and score per board and season (read-your-writes)")
  @GetMapping("/api/v1/users/me")
  UserProfile me(AuthenticatedUser caller) {
    User user = users.require(caller.userId(), caller.name());
    return new UserProfile(
        user.id(),
        user.displayName(),
        user.publicProfile(),
        user.status().dbValue(),
        queries.scores(user.id()));
  }

  @Operation(summary = "The caller's score changes, newest first, cursor-paged")
  @GetMapping("/api/v1/users/me/history")
  ScoreHistory history(
      AuthenticatedUser caller,
      @RequestParam(required = false) String board,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    int pageSize = limit == null ? DEFAULT_LIMIT : limit;
    if (pageSize < 1 || pageSize > MAX_LIMIT) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "limit: must be 1.." + MAX_LIMIT);
    }
    HistoryCursor after = cursor == null ? null : HistoryCursor.decode(cursor);
    String boardId = board == null ? null : boards.require(board).id();
    User user = users.require(caller.userId(), caller.name());
    // One row more than asked tells whether another page follows.
    List<HistoryItem> rows = queries.history(user.id(), boardId, after, pageSize + 1);
    if (rows.size() <= pageSize) {
      return new ScoreHistory(rows, null);
    }
    List<HistoryItem> page = rows.subList(0, pageSize);
    HistoryItem last = page.get(pageSize - 1);
    return new ScoreHistory(
        List.copyOf(page), new HistoryCursor(last.committedAt(), last.eventId()).encode());
  }
}
