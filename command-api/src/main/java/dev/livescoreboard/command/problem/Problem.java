package dev.livescoreboard.command.problem;

import dev.livescoreboard.events.ErrorCode;

/**
 * An RFC 9457 problem body, {@code application/problem+json}.
 *
 * @param type a URI naming the kind of problem ({@code urn:problem:<code>})
 * @param title short human-readable summary of the kind
 * @param status the HTTP status
 * @param detail what went wrong in this request, safe to show
 * @param code stable UPPER_SNAKE identifier for programs
 * @param requestId the request's id, also in the {@code X-Request-Id} response header
 */
public record Problem(
    String type, String title, int status, String detail, String code, String requestId) {

  static Problem of(ErrorCode code, String detail, String requestId) {
    return new Problem(
        "urn:problem:" + code.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        code.name(),
        requestId);
  }
}
