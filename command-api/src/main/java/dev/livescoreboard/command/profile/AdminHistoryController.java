package dev.livescoreboard.command.profile;

import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.UserIds;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.Seasons;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Any user's score history for admins ({@code scoreboard:admin} is enforced by the auth package),
 * paged like the player's own. Frozen and erased users are shown too: investigating them is what
 * the view is for, and an erased user's events are kept under their pseudonymous id.
 */
@RestController
class AdminHistoryController {

  private final Users users;
  private final Boards boards;
  private final ScoreHistories histories;

  AdminHistoryController(Users users, Boards boards, ScoreHistories histories) {
    this.users = users;
    this.boards = boards;
    this.histories = histories;
  }

  @Operation(
      summary = "Any user's score changes, newest first, cursor-paged (actions and adjustments)")
  @GetMapping("/api/v1/admin/users/{userId}/history")
  ScoreHistory history(
      @PathVariable String userId,
      @RequestParam(required = false) String board,
      @RequestParam(required = false) String season,
      @RequestParam(required = false) Integer limit,
      @RequestParam(required = false) String cursor) {
    if (!UserIds.isValid(userId)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "userId must be 1-255 characters, no control characters");
    }
    if (season != null && !Seasons.isValid(season)) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "season: is not a season id");
    }
    String boardId = board == null ? null : boards.require(board).id();
    User user =
        users
            .find(userId)
            .orElseThrow(() -> new ApiException(ErrorCode.USER_NOT_FOUND, "unknown user"));
    return histories.page(user.id(), boardId, season, limit, cursor);
  }
}
