package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.RequestIds;
import java.util.Locale;
import org.slf4j.MDC;

/**
 * An RFC 9457 problem body, {@code application/problem+json}, shaped like the other services'.
 *
 * @param type {@code urn:problem:<code>}
 * @param title short summary of the kind of problem
 * @param status the HTTP status
 * @param detail what went wrong in this request, safe to show
 * @param code stable UPPER_SNAKE identifier for programs
 * @param requestId an id to quote when reporting the problem (also in {@code X-Request-Id})
 */
public record Problem(
    String type, String title, int status, String detail, String code, String requestId) {

  /** The problem of the request being handled: its id is the one in the MDC, if any. */
  static Problem of(ErrorCode code, String detail) {
    String requestId = MDC.get(RequestIds.MDC_KEY);
    return new Problem(
        "urn:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        code.name(),
        requestId != null ? requestId : RequestIds.newId());
  }
}
