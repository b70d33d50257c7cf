package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.events.ErrorCode;

/**
 * A 401 for an unusable access token, carrying the verifier's reason for the security log (the
 * response detail stays generic).
 */
class RejectedAccessTokenException extends ApiException {

  private final String reason;

  RejectedAccessTokenException(String detail, String reason) {
    super(ErrorCode.UNAUTHORIZED, detail);
    this.reason = reason;
  }

  String reason() {
    return reason;
  }
}
