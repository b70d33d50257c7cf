package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.security.SecurityEvents;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Every {@code /api/**} request needs an access token; {@code /api/v1/admin/**} the admin role. */
@Configuration
class AuthWebConfig implements WebMvcConfigurer {

  private final AccessTokens verifier;
  private final TokenRevocations revocations;
  private final SecurityEvents events;

  AuthWebConfig(AccessTokens verifier, TokenRevocations revocations, SecurityEvents events) {
    this.verifier = verifier;
    this.revocations = revocations;
    this.events = events;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new AuthInterceptor(verifier, revocations, events, null))
        .addPathPatterns("/api/**");
    registry
        .addInterceptor(
            new AuthInterceptor(verifier, revocations, events, AuthenticatedUser.ADMIN_ROLE))
        .addPathPatterns("/api/v1/admin/**");
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new AuthenticatedUserResolver());
  }
}
