package dev.livescoreboard.command.problem;

import dev.livescoreboard.events.ErrorCode;
import java.util.Map;

/**
 * A request that cannot be served for a reason the caller may know; rendered as a problem response
 * with {@link ErrorCode#status()} and the given detail (which must never contain internals).
 */
public class ApiException extends RuntimeException {

  private final ErrorCode code;
  private final Map<String, String> headers;

  public ApiException(ErrorCode code, String detail) {
    this(code, detail, Map.of());
  }

  /** With response headers, e.g. {@code Retry-After} for a quota. */
  public ApiException(ErrorCode code, String detail, Map<String, String> headers) {
    super(detail, null, false, false);
    this.code = code;
    this.headers = Map.copyOf(headers);
  }

  /** Headers the problem response carries besides the defaults. */
  public Map<String, String> headers() {
    return headers;
  }

  public ErrorCode code() {
    return code;
  }

  public String detail() {
    return getMessage();
  }
}
