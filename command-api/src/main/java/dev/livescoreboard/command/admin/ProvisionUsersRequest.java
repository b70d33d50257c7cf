package dev.livescoreboard.command.admin;

import dev.livescoreboard.command.user.DisplayNames;
import dev.livescoreboard.command.user.UserIds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Body of {@code POST /api/v1/admin/users}: up to 200 users to create or update (about what fits in
 * the 16 KB body limit; larger imports send several requests).
 *
 * @param users the users
 */
record ProvisionUsersRequest(
    @NotNull @NotEmpty @Size(max = 200) List<@Valid @NotNull Entry> users) {

  /**
   * One user.
   *
   * @param userId the {@code sub} of their access tokens
   * @param displayName 1–32 letters, digits, spaces and {@code _-.}
   * @param isPublic {@code false} to show them as "Anonymous" on public boards; default {@code
   *     true}
   */
  record Entry(
      @NotBlank
          @Pattern(
              regexp = UserIds.REGEX,
              message = "must be 1-255 characters, no control characters")
          String userId,
      @NotNull
          @Pattern(
              regexp = DisplayNames.REGEX,
              message = "must be 1-32 letters, digits, spaces or _-. (no leading/trailing space)")
          String displayName,
      @com.fasterxml.jackson.annotation.JsonProperty("public") Boolean isPublic) {}
}
