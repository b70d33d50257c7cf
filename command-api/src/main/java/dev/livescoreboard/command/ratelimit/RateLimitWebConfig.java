package dev.livescoreboard.command.ratelimit;

import dev.livescoreboard.command.ratelimit.UserRateLimitInterceptor.Kind;
import dev.livescoreboard.command.security.SecurityEvents;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the per-address limit before authentication (interceptor order -100; the auth interceptors
 * have order 0) and the per-user limits after it (order 100).
 */
@Configuration(proxyBeanMethods = false)
class RateLimitWebConfig implements WebMvcConfigurer {

  static final int BEFORE_AUTH = -100;
  static final int AFTER_AUTH = 100;

  private final IpRateLimitInterceptor perAddress;
  private final RateLimiter limiter;
  private final RateLimitSettings settings;
  private final SecurityEvents events;

  RateLimitWebConfig(
      IpRateLimitInterceptor perAddress,
      RateLimiter limiter,
      RateLimitSettings settings,
      SecurityEvents events) {
    this.perAddress = perAddress;
    this.limiter = limiter;
    this.settings = settings;
    this.events = events;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(perAddress).addPathPatterns("/api/**").order(BEFORE_AUTH);
    ActionTypePeek peek = new ActionTypePeek();
    registry
        .addInterceptor(new UserRateLimitInterceptor(Kind.START, limiter, settings, peek, events))
        .addPathPatterns("/api/v1/actions")
        .order(AFTER_AUTH);
    registry
        .addInterceptor(
            new UserRateLimitInterceptor(Kind.COMPLETE, limiter, settings, peek, events))
        .addPathPatterns("/api/v1/actions/complete")
        .order(AFTER_AUTH);
  }
}
