package dev.livescoreboard.command.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.livescoreboard.command.user.User;

/**
 * A user as an operator's change left them.
 *
 * @param userId the user
 * @param displayName their stored name ("Erased user" once erased)
 * @param isPublic whether boards show that name
 * @param status {@code active}, {@code frozen} or {@code erased}
 */
record AdminUserResponse(
    String userId, String displayName, @JsonProperty("public") boolean isPublic, String status) {

  static AdminUserResponse of(User user) {
    return new AdminUserResponse(
        user.id(), user.displayName(), user.publicProfile(), user.status().dbValue());
  }
}
