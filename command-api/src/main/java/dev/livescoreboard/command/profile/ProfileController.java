package dev.livescoreboard.command.profile;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.Users;
import io.swagger.v3.oas.annotations.Operation;
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

  private final Users users;
  private final Boards boards;
  private final ProfileQueries queries;
  private final ScoreHistories histories;

  ProfileController(Users users, Boards boards, ProfileQueries queries, ScoreHistories histories) {
    this.users = users;
    this.boards = boards;
    this.queries = queries;
    this.histories = histories;
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
    String boardId = board == null ? null : boards.require(board).id();
    User user = users.require(caller.userId(), caller.name());
    return histories.page(user.id(), boardId, null, limit, cursor);
  }
}
