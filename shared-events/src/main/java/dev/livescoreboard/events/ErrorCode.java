package dev.livescoreboard.events;

/**
 * The one list of stable {@code code} values of every service's problem responses (SPEC §4), each
 * with its HTTP status and title. Services convert the status to their framework's type where they
 * write the response, so a code means the same status everywhere.
 */
public enum ErrorCode {
  VALIDATION_FAILED(400, "Validation failed"),
  /** Completed sooner after the start than the action's {@code min-seconds} allow. */
  ACTION_TOO_FAST(400, "Action completed too fast"),
  UNAUTHORIZED(401, "Unauthorized"),
  FORBIDDEN(403, "Forbidden"),
  ACTION_TOKEN_INVALID(403, "Action token invalid"),
  ACTION_TOKEN_EXPIRED(403, "Action token expired"),
  USER_FROZEN(403, "User frozen"),
  NOT_FOUND(404, "Not found"),
  BOARD_NOT_FOUND(404, "Board not found"),
  USER_NOT_FOUND(404, "User not found"),
  /** The user has no entry on the board (never scored there, frozen, erased or private). */
  USER_NOT_ON_BOARD(404, "User not on board"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  /** A request that did not arrive whole within the server's request timeout (slowloris). */
  REQUEST_TIMEOUT(408, "Request timeout"),
  ACTION_ALREADY_COMPLETED(409, "Action already completed"),
  SCORE_CAP_REACHED(409, "Score cap reached"),
  /** An admin adjustment that would take the score below zero. */
  SCORE_BELOW_ZERO(409, "Score below zero"),
  /** An anomaly flag that an operator has resolved already. */
  FLAG_ALREADY_RESOLVED(409, "Flag already resolved"),
  /** The user was erased: no operator change applies any more, and the id is never reused. */
  USER_ERASED(409, "User erased"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  /** An {@code Idempotency-Key} sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED(422, "Idempotency key reused"),
  QUOTA_EXCEEDED(429, "Quota exceeded"),
  RATE_LIMITED(429, "Rate limited"),
  HEADERS_TOO_LARGE(431, "Request header fields too large"),
  INTERNAL_ERROR(500, "Internal error"),
  UNAVAILABLE(503, "Service unavailable");

  private final int status;
  private final String title;

  ErrorCode(int status, String title) {
    this.status = status;
    this.title = title;
  }

  /** The HTTP status every response with this code carries. */
  public int status() {
    return status;
  }

  /** The problem's {@code title}: a short summary of the kind of problem. */
  public String title() {
    return title;
  }
}
