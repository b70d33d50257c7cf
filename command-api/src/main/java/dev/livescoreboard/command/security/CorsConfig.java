package dev.livescoreboard.command.security;

import dev.livescoreboard.events.ErrorCode;
import dev.livescoreboard.events.RequestIds;
import dev.livescoreboard.events.TraceParent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * Strict CORS for {@code /api/**}: only the configured origins, only GET and POST, only the headers
 * the API reads; the rate-limit, replay and request-id headers are exposed to scripts. A preflight
 * or request from any other origin is refused with 403 (a problem body) before it reaches a
 * handler. Requests without {@code Origin} (non-browser clients) are not affected.
 */
@Configuration(proxyBeanMethods = false)
class CorsConfig {

  static final List<String> ALLOWED_HEADERS =
      List.of(
          "Authorization",
          "Content-Type",
          "Idempotency-Key",
          RequestIds.HEADER,
          TraceParent.HEADER);
  static final List<String> EXPOSED_HEADERS =
      List.of(
          "RateLimit-Limit",
          "RateLimit-Remaining",
          "RateLimit-Reset",
          "Retry-After",
          "Idempotent-Replayed",
          RequestIds.HEADER);

  @Bean
  FilterRegistrationBean<CorsFilter> apiCorsFilter(HttpSettings settings) {
    CorsConfiguration cors = new CorsConfiguration();
    cors.setAllowedOrigins(settings.corsAllowedOrigins());
    cors.setAllowedMethods(List.of("GET", "POST"));
    cors.setAllowedHeaders(ALLOWED_HEADERS);
    cors.setExposedHeaders(EXPOSED_HEADERS);
    cors.setAllowCredentials(false);
    cors.setMaxAge(Duration.ofMinutes(10));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/api/**", cors);
    CorsFilter filter = new CorsFilter(source);
    filter.setCorsProcessor(new ProblemCorsProcessor());
    FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
    // After the request id (so refusals carry one), before the body limit and everything else.
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  /** Refuses with a problem body instead of Spring's plain-text "Invalid CORS request". */
  private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
      response.setStatusCode(HttpStatus.valueOf(ErrorCode.FORBIDDEN.status()));
      response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
      String requestId = MDC.get(RequestIds.MDC_KEY);
      String body =
          "{\"type\":\"urn:problem:forbidden\",\"title\":\""
              + ErrorCode.FORBIDDEN.title()
              + "\",\"status\":403,\"detail\":\"this origin is not allowed\",\"code\":\"FORBIDDEN\""
              + ",\"requestId\":"
              + (requestId == null ? "null" : "\"" + requestId + "\"")
              + "}";
      response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
      response.getBody().write(body.getBytes(StandardCharsets.UTF_8));
      response.flush();
    }
  }
}
