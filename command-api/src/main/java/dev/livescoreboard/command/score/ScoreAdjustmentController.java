package dev.livescoreboard.command.score;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.idempotency.Idempotency;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.trace.TraceContextFilter;
import dev.livescoreboard.command.user.UserIds;
import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.TraceParent;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/users/{userId}/adjustments}: an admin moves a score up or down, with a
 * reason ({@code scoreboard:admin} is enforced by the auth package).
 */
@RestController
class ScoreAdjustmentController {

  private final ScoreAdjustment adjustment;
  private final Idempotency idempotency;

  ScoreAdjustmentController(ScoreAdjustment adjustment, Idempotency idempotency) {
    this.adjustment = adjustment;
    this.idempotency = idempotency;
  }

  @Operation(
      summary =
          "Adjust a user's score on a board's current season, with a reason (0 <= result <= cap)")
  @PostMapping("/api/v1/admin/users/{userId}/adjustments")
  ResponseEntity<AdjustedScore> adjust(
      AuthenticatedUser caller,
      @PathVariable String userId,
      @Valid @RequestBody AdjustScoreRequest request,
      @RequestAttribute(TraceContextFilter.ATTRIBUTE) TraceParent trace,
      @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
    if (!UserIds.isValid(userId)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "userId must be 1-255 characters, no control characters");
    }
    // A retried adjustment must not count twice: the key is the admin's, over the whole request.
    String fingerprint =
        String.join(
            "\n",
            "POST /api/v1/admin/users/{userId}/adjustments",
            userId,
            request.board(),
            request.delta().toString(),
            request.reason());
    return idempotency.execute(
        caller.userId(),
        idempotencyKey,
        fingerprint,
        AdjustedScore.class,
        () ->
            ResponseEntity.ok(adjustment.adjust(caller.userId(), userId, request, trace.value())));
  }
}
