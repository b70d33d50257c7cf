package dev.livescoreboard.command.anomaly;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a page of flags ends: the last flag's id (the list is newest first, by id). Sent as an
 * opaque Base64url token; clients must not parse it.
 */
record FlagCursor(long lastId) {

  private static final int MAX_LENGTH = 32;

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(("f:" + lastId).getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * @throws ApiException {@code VALIDATION_FAILED} for anything that is not a cursor of this list
   */
  static FlagCursor decode(String token) {
    try {
      if (token.length() > MAX_LENGTH) {
        throw new IllegalArgumentException("too long");
      }
      String plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII);
      if (!plain.startsWith("f:")) {
        throw new IllegalArgumentException("not a flag cursor");
      }
      long id = Long.parseLong(plain.substring(2));
      if (id < 1 || !plain.equals("f:" + id)) {
        throw new IllegalArgumentException("not canonical");
      }
      return new FlagCursor(id);
    } catch (RuntimeException e) {
      throw new ApiException(ErrorCode.VALIDATION_FAILED, "cursor: is not a valid flag cursor");
    }
  }
}
