package dev.livescoreboard.command.security;

import dev.livescoreboard.command.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Records the security events that handlers signal by throwing an {@link ApiException} (a replayed
 * action token, a quota hit, a forbidden request), so the features that throw them need no extra
 * call. Runs first among the exception resolvers and resolves nothing: the problem handler still
 * renders the response. Authentication failures and rate-limit hits are recorded where they happen,
 * with more detail.
 */
@Component
class SecurityEventObserver implements HandlerExceptionResolver, Ordered {

  private final SecurityEvents events;

  SecurityEventObserver(SecurityEvents events) {
    this.events = events;
  }

  @Override
  public ModelAndView resolveException(
      HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
    if (ex instanceof ApiException api) {
      SecurityEvent event =
          switch (api.code()) {
            case ACTION_ALREADY_COMPLETED -> SecurityEvent.TOKEN_REPLAY;
            case QUOTA_EXCEEDED -> SecurityEvent.QUOTA_EXCEEDED;
            case FORBIDDEN, ACTION_TOKEN_INVALID -> SecurityEvent.FORBIDDEN;
            default -> null;
          };
      if (event != null) {
        events.record(event, api.code().name() + ": " + api.detail());
      }
    }
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
