package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.UserIds;
import dev.livescoreboard.command.user.UserStatus;
import dev.livescoreboard.events.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freezing, unfreezing and erasing users. Freeze and unfreeze are idempotent (a repeat changes and
 * announces nothing); an erase is final, a second one is {@code 409 USER_ERASED}. Each change
 * reaches the live boards through {@code ENTRY_CHANGED} events, one per board and season.
 */
@RestController
class AdminUserStatusController {

  private final UserAdministration administration;

  AdminUserStatusController(UserAdministration administration) {
    this.administration = administration;
  }

  @Operation(
      summary =
          "Freeze a user: starts and completes refused, removed from every board (idempotent)")
  @PostMapping("/api/v1/admin/users/{userId}/freeze")
  UserStatusResponse freeze(
      @PathVariable String userId,
      @Valid @RequestBody(required = false) AdminReason body,
      AuthenticatedUser caller) {
    return UserStatusResponse.of(
        administration.changeStatus(
            caller.userId(),
            requireValid(userId),
            UserStatus.FROZEN,
            AdminReason.of(body),
            Map.of()));
  }

  @Operation(summary = "Unfreeze a user: back on every board with their scores (idempotent)")
  @PostMapping("/api/v1/admin/users/{userId}/unfreeze")
  UserStatusResponse unfreeze(
      @PathVariable String userId,
      @Valid @RequestBody(required = false) AdminReason body,
      AuthenticatedUser caller) {
    return UserStatusResponse.of(
        administration.changeStatus(
            caller.userId(),
            requireValid(userId),
            UserStatus.ACTIVE,
            AdminReason.of(body),
            Map.of()));
  }

  @Operation(
      summary =
          "Erase a user (GDPR): personal data replaced, removed from every board and season,"
              + " events kept under the pseudonymous id; final")
  @PostMapping("/api/v1/admin/users/{userId}/erase")
  AdminUserResponse erase(
      @PathVariable String userId,
      @Valid @RequestBody(required = false) AdminReason body,
      AuthenticatedUser caller) {
    return AdminUserResponse.of(
        administration.erase(caller.userId(), requireValid(userId), AdminReason.of(body)));
  }

  static String requireValid(String userId) {
    if (!UserIds.isValid(userId)) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "userId must be 1-255 characters, no control characters");
    }
    return userId;
  }

  /**
   * Response of the freeze and unfreeze endpoints.
   *
   * @param userId the user
   * @param status {@code active} or {@code frozen}, after the change
   */
  record UserStatusResponse(String userId, String status) {
    static UserStatusResponse of(User user) {
      return new UserStatusResponse(user.id(), user.status().dbValue());
    }
  }
}
