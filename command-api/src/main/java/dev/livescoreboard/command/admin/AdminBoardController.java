package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.board.ResetSchedule;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.registry.BoardRegistry;
import dev.livescoreboard.command.registry.BoardSpec;
import dev.livescoreboard.command.registry.DefinedBoard;
import dev.livescoreboard.events.BoardIds;
import dev.livescoreboard.events.ErrorCode;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Creating and changing boards: {@code 201} for a new board, {@code 200} for a changed one. */
@RestController
class AdminBoardController {

  private final BoardRegistry registry;

  AdminBoardController(BoardRegistry registry) {
    this.registry = registry;
  }

  @PutMapping("/api/v1/admin/boards/{id}")
  ResponseEntity<BoardResponse> put(
      @PathVariable String id,
      @Valid @RequestBody PutBoardRequest request,
      AuthenticatedUser caller) {
    if (!BoardIds.isValidBoard(id)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "board: must match " + BoardIds.BOARD_PATTERN);
    }
    DefinedBoard defined =
        registry.define(
            id,
            new BoardSpec(
                request.title(),
                request.scoreCap(),
                request.topN(),
                ResetSchedule.fromDb(request.resetSchedule())),
            caller.userId());
    return ResponseEntity.status(defined.created() ? HttpStatus.CREATED : HttpStatus.OK)
        .body(BoardResponse.of(defined.event()));
  }
}
