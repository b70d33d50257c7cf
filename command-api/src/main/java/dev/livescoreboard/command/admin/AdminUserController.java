package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.user.NewUser;
import dev.livescoreboard.command.user.ProvisionResult;
import dev.livescoreboard.command.user.Users;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Admin user provisioning; the {@code scoreboard:admin} role is enforced by the auth package. */
@RestController
class AdminUserController {

  private final Users users;

  AdminUserController(Users users) {
    this.users = users;
  }

  @PostMapping("/api/v1/admin/users")
  ProvisionUsersResponse provision(@Valid @RequestBody ProvisionUsersRequest request) {
    List<NewUser> batch =
        request.users().stream()
            .map(
                u -> new NewUser(u.userId(), u.displayName(), u.isPublic() == null || u.isPublic()))
            .toList();
    ProvisionResult result = users.provision(batch);
    return new ProvisionUsersResponse(batch.size(), result.created(), result.updated());
  }
}
