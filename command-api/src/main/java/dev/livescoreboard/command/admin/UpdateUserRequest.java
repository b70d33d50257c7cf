package dev.livescoreboard.command.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.livescoreboard.command.user.DisplayNames;
import jakarta.validation.constraints.Pattern;

/**
 * Body of {@code PATCH /api/v1/admin/users/{id}}: at least one field; an absent field stays as it
 * is.
 *
 * @param displayName 1–32 letters, digits, spaces and {@code _-.}
 * @param isPublic {@code false} shows the user as "Anonymous" on public boards
 */
record UpdateUserRequest(
    @Pattern(
            regexp = DisplayNames.REGEX,
            message = "must be 1-32 letters, digits, spaces or _-. (no leading/trailing space)")
        String displayName,
    @JsonProperty("public") Boolean isPublic) {

  boolean isEmpty() {
    return displayName == null && isPublic == null;
  }
}
