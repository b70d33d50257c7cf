package dev.livescoreboard.command.season;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forcing a new season of a board now: {@code 201} with the season that started. */
@RestController
class BoardResetController {

  private final SeasonRollover rollover;

  BoardResetController(SeasonRollover rollover) {
    this.rollover = rollover;
  }

  @PostMapping("/api/v1/admin/boards/{id}/reset")
  @ResponseStatus(HttpStatus.CREATED)
  SeasonResponse reset(
      @PathVariable String id,
      @Valid @RequestBody(required = false) ResetBoardRequest request,
      AuthenticatedUser caller) {
    if (!BoardIds.isValidBoard(id)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "board: must match " + BoardIds.BOARD_PATTERN);
    }
    String reason = request == null ? null : request.reason();
    return SeasonResponse.of(rollover.reset(id, caller.userId(), reason));
  }
}
