package dev.livescoreboard.projector.auth;

import dev.livescoreboard.auth.AccessTokenVerifier;
import dev.livescoreboard.auth.revocation.RevocationStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code /admin/**} and {@code /api/v1/admin/**} request needs an unrevoked access token with
 * the admin role.
 */
@Configuration(proxyBeanMethods = false)
class AdminAuthConfig implements WebMvcConfigurer {

  private final AdminAuthInterceptor interceptor;

  AdminAuthConfig(AccessTokenVerifier verifier, RevocationStore revocations, JsonMapper json) {
    this.interceptor = new AdminAuthInterceptor(verifier, revocations, json);
  }

  @Bean(destroyMethod = "close")
  static AccessTokenVerifier accessTokenVerifier(JwtSettings settings) {
    return new AccessTokenVerifier(settings.accessTokens());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(interceptor).addPathPatterns("/admin/**", "/api/v1/admin/**");
  }
}
