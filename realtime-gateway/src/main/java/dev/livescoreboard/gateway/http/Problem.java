package dev.livescoreboard.gateway.http;

import dev.livescoreboard.events.ErrorCode;
import java.util.Locale;
import java.util.UUID;

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

  static Problem of(ErrorCode code, String detail) {
    return new Problem(
        "urn:problem:" + code.name().toLowerCase(Locale.ROOT).replace('_', '-'),
        code.title(),
        code.status(),
        detail,
        code.name(),
        UUID.randomUUID().toString());
  }
}
