package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.User;
import dev.livescoreboard.command.user.UserIds;
import dev.livescoreboard.command.user.UserStatus;
import dev.livescoreboard.command.user.Users;
import dev.livescoreboard.events.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Freezing and unfreezing users (suspected cheaters). Both are idempotent. A frozen user's starts
 * and completes are refused at once; taking them off the live boards is the projector's job.
 */
@RestController
class AdminUserStatusController {

  private final Users users;

  AdminUserStatusController(Users users) {
    this.users = users;
  }

  @Operation(summary = "Freeze a user: their starts and completes are refused (idempotent)")
  @PostMapping("/api/v1/admin/users/{userId}/freeze")
  UserStatusResponse freeze(@PathVariable String userId) {
    return UserStatusResponse.of(users.changeStatus(requireValid(userId), UserStatus.FROZEN));
  }

  @Operation(summary = "Unfreeze a user (idempotent)")
  @PostMapping("/api/v1/admin/users/{userId}/unfreeze")
  UserStatusResponse unfreeze(@PathVariable String userId) {
    return UserStatusResponse.of(users.changeStatus(requireValid(userId), UserStatus.ACTIVE));
  }

  private static String requireValid(String userId) {
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
