package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.problem.ErrorCode;
import dev.livescoreboard.command.problem.ProblemResponses;
import dev.livescoreboard.command.security.SecurityEvent;
import dev.livescoreboard.command.security.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;

/**
 * Applies a decision to the response: the {@code RateLimit-*} headers always, and for a refusal a
 * 429 {@code RATE_LIMITED} problem with {@code Retry-After}, plus a security event.
 */
final class RateLimitHeaders {

  private RateLimitHeaders() {}

  /** Returns whether the request may proceed. */
  static boolean apply(
      RateLimitDecision decision,
      String what,
      HttpServletRequest request,
      HttpServletResponse response,
      SecurityEvents events)
      throws IOException {
    response.setHeader("RateLimit-Limit", Integer.toString(decision.limit()));
    response.setHeader("RateLimit-Remaining", Integer.toString(decision.remaining()));
    response.setHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
    if (decision.allowed()) {
      return true;
    }
    response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
    events.record(SecurityEvent.RATE_LIMITED, what + " limit of " + decision.limit() + " reached");
    ProblemResponses.write(
        request,
        response,
        ErrorCode.RATE_LIMITED,
        "too many requests (" + what + "); retry after " + decision.resetSeconds() + " s");
    return false;
  }
}
