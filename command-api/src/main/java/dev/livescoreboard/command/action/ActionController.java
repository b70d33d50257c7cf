package dev.livescoreboard.command.action;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.board.Board;
import dev.livescoreboard.command.board.Boards;
import dev.livescoreboard.command.idempotency.Idempotency;
import dev.livescoreboard.command.ratelimit.UserRateLimits;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.BoardIds;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts actions: checks the catalog, the board, the user and the user's rate limit, then hands out
 * a signed action token.
 */
@RestController
class ActionController {

  private final ActionCatalog catalog;
  private final Boards boards;
  private final ActionTokenIssuer issuer;
  private final Users users;
  private final Idempotency idempotency;
  private final UserRateLimits rateLimits;

  ActionController(
      ActionCatalog catalog,
      Boards boards,
      ActionTokenIssuer issuer,
      Users users,
      Idempotency idempotency,
      UserRateLimits rateLimits) {
    this.catalog = catalog;
    this.boards = boards;
    this.issuer = issuer;
    this.users = users;
    this.idempotency = idempotency;
    this.rateLimits = rateLimits;
  }

  @PostMapping("/api/v1/actions")
  @ResponseStatus(HttpStatus.CREATED) // for the API document; the entity sets it at run time
  ResponseEntity<StartedAction> start(
      AuthenticatedUser caller,
      @Valid @RequestBody StartActionRequest request,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    String fingerprint = "POST /api/v1/actions\n" + request.actionType() + "\n" + request.board();
    return idempotency.execute(
        caller.userId(),
        idempotencyKey,
        fingerprint,
        StartedAction.class,
        () -> start(caller, request));
  }

  private ResponseEntity<StartedAction> start(
      AuthenticatedUser caller, StartActionRequest request) {
    String boardId = request.board() == null ? BoardIds.DEFAULT_BOARD : request.board();
    ActionDefinition action = catalog.require(request.actionType());
    Board board = boards.require(boardId);
    action.requireBoard(board.id());
    // Same user rules as completing (404 unknown, 403 frozen), so no token is handed out in vain.
    users.requireActive(caller.userId(), caller.name());
    Map<String, String> rateLimitHeaders = rateLimits.start(caller.userId());
    IssuedActionToken issued = issuer.issue(caller.userId(), board.id(), action.type());
    return ResponseEntity.status(HttpStatus.CREATED)
        .headers(headers -> headers.setAll(rateLimitHeaders))
        .body(
            new StartedAction(
                issued.token(),
                action.type(),
                board.id(),
                action.points(),
                issued.claims().expiresAt()));
  }
}
