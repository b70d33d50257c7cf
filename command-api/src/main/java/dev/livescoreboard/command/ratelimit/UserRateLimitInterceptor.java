package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.security.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The per-user limits on starting and completing actions. Runs after authentication (the user id
 * comes from the verified access token) and before the handler reads the body, so a refused request
 * changes nothing.
 */
class UserRateLimitInterceptor implements HandlerInterceptor {

  /** Which limit an instance enforces. */
  enum Kind {
    START,
    COMPLETE
  }

  private final Kind kind;
  private final RateLimiter limiter;
  private final RateLimitSettings settings;
  private final ActionTypePeek actionTypes;
  private final SecurityEvents events;

  UserRateLimitInterceptor(
      Kind kind,
      RateLimiter limiter,
      RateLimitSettings settings,
      ActionTypePeek actionTypes,
      SecurityEvents events) {
    this.kind = kind;
    this.limiter = limiter;
    this.settings = settings;
    this.actionTypes = actionTypes;
    this.events = events;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    Object userId = request.getAttribute(SecurityEvents.USER_ID_ATTRIBUTE);
    if (!settings.enabled() || !"POST".equals(request.getMethod()) || userId == null) {
      return true;
    }
    RateLimitDecision decision;
    if (kind == Kind.START) {
      decision = limiter.acquire("start:" + userId, settings.start(), settings.window());
    } else {
      // Reading the action type means parsing the body: only when a per-action limit exists.
      String action = settings.completePerAction().isEmpty() ? null : actionTypes.of(request);
      Integer override = action == null ? null : settings.completePerAction().get(action);
      decision =
          override == null
              ? limiter.acquire("complete:" + userId, settings.complete(), settings.window())
              : limiter.acquire("complete." + action + ":" + userId, override, settings.window());
    }
    String what = kind == Kind.START ? "action starts per user" : "action completes per user";
    return RateLimitHeaders.apply(decision, what, request, response, events);
  }
}
