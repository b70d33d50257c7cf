package dev.livescoreboard.command.problem;

import org.springframework.http.HttpStatus;

/** The stable {@code code} values of problem responses (SPEC §4), each with its HTTP status. */
public enum ErrorCode {
  VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "Validation failed"),
  /** Completed sooner after the start than the action's {@code min-seconds} allow. */
  ACTION_TOO_FAST(HttpStatus.BAD_REQUEST, "Action completed too fast"),
  UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
  FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
  ACTION_TOKEN_INVALID(HttpStatus.FORBIDDEN, "Action token invalid"),
  ACTION_TOKEN_EXPIRED(HttpStatus.FORBIDDEN, "Action token expired"),
  USER_FROZEN(HttpStatus.FORBIDDEN, "User frozen"),
  NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
  BOARD_NOT_FOUND(HttpStatus.NOT_FOUND, "Board not found"),
  USER_NOT_FOUND(HttpStatus.NOT_FOUND, "User not found"),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
  ACTION_ALREADY_COMPLETED(HttpStatus.CONFLICT, "Action already completed"),
  SCORE_CAP_REACHED(HttpStatus.CONFLICT, "Score cap reached"),
  /** An {@code Idempotency-Key} sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused"),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
  QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "Quota exceeded"),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "Rate limited"),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
  UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

  private final HttpStatus status;
  private final String title;

  ErrorCode(HttpStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  /** The code a framework error of {@code status} is reported with. */
  static ErrorCode forStatus(int status) {
    return switch (status) {
      case 400 -> VALIDATION_FAILED;
      case 401 -> UNAUTHORIZED;
      case 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND;
      case 405 -> METHOD_NOT_ALLOWED;
      case 406 -> NOT_ACCEPTABLE;
      case 413 -> PAYLOAD_TOO_LARGE;
      case 415 -> UNSUPPORTED_MEDIA_TYPE;
      case 429 -> RATE_LIMITED;
      case 503 -> UNAVAILABLE;
      default -> INTERNAL_ERROR;
    };
  }
}
