package dev.livescoreboard.command.problem;

/**
 * A request that cannot be served for a reason the caller may know; rendered as a problem response
 * with {@link ErrorCode#status()} and the given detail (which must never contain internals).
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;

  public ApiException(ErrorCode code, String detail) {
    super(detail, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }
}
