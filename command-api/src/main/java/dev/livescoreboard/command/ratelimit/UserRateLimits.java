package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.problem.ApiException;
import dev.livescoreboard.command.security.SecurityEvent;
import dev.livescoreboard.command.security.SecurityEvents;
import dev.livescoreboard.events.ErrorCode;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The per-user limits on starting and completing actions, checked by the handlers once the caller
 * is authenticated and, for a complete, the action token verified: the action type that picks the
 * window is then one the server signed. Each check counts the request and returns the {@code
 * RateLimit-*} headers for the response, or refuses it.
 */
@Component
public class UserRateLimits {

  private final RateLimiter limiter;
  private final RateLimitSettings settings;
  private final SecurityEvents events;

  UserRateLimits(RateLimiter limiter, RateLimitSettings settings, SecurityEvents events) {
    this.limiter = limiter;
    this.settings = settings;
    this.events = events;
  }

  /**
   * Counts an action start of {@code userId}.
   *
   * @return the {@code RateLimit-*} headers (none while limits are off)
   * @throws ApiException {@code RATE_LIMITED}, with {@code Retry-After}, when over the limit
   */
  public Map<String, String> start(String userId) {
    return check("start:" + userId, settings.start(), "action starts per user");
  }

  /**
   * Counts a complete of {@code actionType} by {@code userId}: in the action's own window if it has
   * an override, else in the user's default complete window.
   *
   * @return the {@code RateLimit-*} headers (none while limits are off)
   * @throws ApiException {@code RATE_LIMITED}, with {@code Retry-After}, when over the limit
   */
  public Map<String, String> complete(String userId, String actionType) {
    Integer override = settings.completePerAction().get(actionType);
    return override == null
        ? check("complete:" + userId, settings.complete(), "action completes per user")
        : check("complete." + actionType + ":" + userId, override, "action completes per user");
  }

  private Map<String, String> check(String key, int limit, String what) {
    if (!settings.enabled()) {
      return Map.of();
    }
    RateLimitDecision decision = limiter.acquire(key, limit, settings.window());
    Map<String, String> headers = RateLimitHeaders.of(decision);
    if (decision.allowed()) {
      return headers;
    }
    events.record(SecurityEvent.RATE_LIMITED, what + " limit of " + limit + " reached");
    Map<String, String> refused = new HashMap<>(headers);
    refused.put(HttpHeaders.RETRY_AFTER, Long.toString(decision.resetSeconds()));
    throw new ApiException(
        ErrorCode.RATE_LIMITED, RateLimitHeaders.refusal(what, decision), refused);
  }
}
