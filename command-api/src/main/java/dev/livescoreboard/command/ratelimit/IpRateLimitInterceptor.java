package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.security.ClientAddresses;
import dev.livescoreboard.command.security.SecurityEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * The per-client-address limit on every {@code /api/**} request. Runs before authentication, so
 * floods of bad tokens are limited too.
 */
@Component
class IpRateLimitInterceptor implements HandlerInterceptor {

  private final RateLimiter limiter;
  private final RateLimitSettings settings;
  private final ClientAddresses addresses;
  private final SecurityEvents events;

  IpRateLimitInterceptor(
      RateLimiter limiter,
      RateLimitSettings settings,
      ClientAddresses addresses,
      SecurityEvents events) {
    this.limiter = limiter;
    this.settings = settings;
    this.addresses = addresses;
    this.events = events;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    if (!settings.enabled()) {
      return true;
    }
    RateLimitDecision decision =
        limiter.acquire("ip:" + addresses.of(request), settings.perIp(), settings.window());
    return RateLimitHeaders.apply(decision, "per address", request, response, events);
  }
}
