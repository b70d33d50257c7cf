package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.auth.AuthenticatedUser;
import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.user.NewUser;
import dev.livescoreboard.events.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admin user provisioning and profile changes; the role is enforced by the auth package. */
@RestController
class AdminUserController {

  private final UserAdministration administration;

  AdminUserController(UserAdministration administration) {
    this.administration = administration;
  }

  @PostMapping("/api/v1/admin/users")
  ProvisionUsersResponse provision(
      @Valid @RequestBody ProvisionUsersRequest request, AuthenticatedUser caller) {
    List<NewUser> batch =
        request.users().stream()
            .map(
                u -> new NewUser(u.userId(), u.displayName(), u.isPublic() == null || u.isPublic()))
            .toList();
    UserAdministration.Provisioned result = administration.provision(caller.userId(), batch);
    return new ProvisionUsersResponse(batch.size(), result.created(), result.updated());
  }

  @Operation(
      summary =
          "Rename a user and/or change their visibility: boards show the new name or Anonymous")
  @PatchMapping("/api/v1/admin/users/{userId}")
  AdminUserResponse update(
      @PathVariable String userId,
      @Valid @RequestBody UpdateUserRequest request,
      AuthenticatedUser caller) {
    if (request.isEmpty()) {
      throw new ApiException(
          ErrorCode.VALIDATION_FAILED, "give displayName, public or both: nothing to change");
    }
    return AdminUserResponse.of(
        administration.updateProfile(
            caller.userId(),
            AdminUserStatusController.requireValid(userId),
            request.displayName(),
            request.isPublic()));
  }
}
