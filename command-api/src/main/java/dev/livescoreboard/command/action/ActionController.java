package dev.livescoreboard.command.action;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.board.Boards;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Starts actions: checks the catalog and the board, then hands out a signed action token. */
@RestController
class ActionController {

  private final ActionCatalog catalog;
  private final Boards boards;
  private final ActionTokenIssuer issuer;

  ActionController(ActionCatalog catalog, Boards boards, ActionTokenIssuer issuer) {
    this.catalog = catalog;
    this.boards = boards;
    this.issuer = issuer;
  }

  @PostMapping("/api/v1/actions")
  @ResponseStatus(HttpStatus.CREATED)
  StartedAction start(AuthenticatedUser caller, @Valid @RequestBody StartActionRequest request) {
    String boardId = request.board() == null ? Board.GLOBAL : request.board();
    ActionDefinition action = catalog.require(request.actionType());
    Board board = boards.require(boardId);
    action.requireBoard(board.id());
    IssuedActionToken issued = issuer.issue(caller.userId(), board.id(), action.type());
    return new StartedAction(
        issued.token(), action.type(), board.id(), action.points(), issued.claims().expiresAt());
  }
}
