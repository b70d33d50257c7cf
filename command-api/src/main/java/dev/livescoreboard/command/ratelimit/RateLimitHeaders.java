package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.problem.ProblemResponses;
import dev.livescoreboard.command.security.SecurityEvent;
import dev.livescoreboard.command.security.SecurityEvents;
import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * The response side of a decision: the {@code RateLimit-*} headers every checked request carries,
 * and for a refusal a 429 {@code RATE_LIMITED} problem with {@code Retry-After}.
 */
final class RateLimitHeaders {

  private RateLimitHeaders() {}

  /** The {@code RateLimit-Limit}, {@code -Remaining} and {@code -Reset} headers of a decision. */
  static Map<String, String> of(RateLimitDecision decision) {
    return Map.of(
        "RateLimit-Limit", Integer.toString(decision.limit()),
        "RateLimit-Remaining", Integer.toString(decision.remaining()),
        "RateLimit-Reset", Long.toString(decision.resetSeconds()));
  }

  /** The problem detail of a refusal. */
  static String refusal(String what, RateLimitDecision decision) {
    return "too many requests (" + what + "); retry after " + decision.resetSeconds() + " s";
  }

  /**
   * Applies a decision to the response of a request no handler has seen yet, writing the refusal
   * (and recording its security event) directly. Returns whether the request may proceed.
   */
  static boolean apply(
      RateLimitDecision decision,
      String what,
      HttpServletRequest request,
      HttpServletResponse response,
      SecurityEvents events)
      throws IOException {
    of(decision).forEach(response::setHeader);
    if (decision.allowed()) {
      return true;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
    events.record(SecurityEvent.RATE_LIMITED, what + " limit of " + decision.limit() + " reached");
    ProblemResponses.write(request, response, ErrorCode.RATE_LIMITED, refusal(what, decision));
    return false;
  }
}
