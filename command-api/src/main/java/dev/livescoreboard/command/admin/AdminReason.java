package dev.livescoreboard.command.admin;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Optional body of freeze, unfreeze and erase: why the operator does it (kept in the audit row).
 *
 * @param reason up to 500 characters, no control characters
 */
record AdminReason(
    @Size(min = 1, max = 500)
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
        String reason) {

  /** The reason of an optional body. */
  static String of(AdminReason body) {
    return body == null ? null : body.reason();
  }
}
