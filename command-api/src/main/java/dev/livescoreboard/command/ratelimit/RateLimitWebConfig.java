package dev.livescoreboard.command.ratelimit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the per-address limit before authentication (interceptor order -100; the auth interceptors
 * have order 0). The per-user limits are no interceptor: the handlers call {@link UserRateLimits}
 * once the caller and the action are verified.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitWebConfig implements WebMvcConfigurer {

  static final int BEFORE_AUTH = -100;

  private final IpRateLimitInterceptor perAddress;

  RateLimitWebConfig(IpRateLimitInterceptor perAddress) {
    this.perAddress = perAddress;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(perAddress).addPathPatterns("/api/**").order(BEFORE_AUTH);
  }
}
