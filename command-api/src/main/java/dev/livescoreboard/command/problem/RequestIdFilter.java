package dev.livescoreboard.command.problem;

import dev.livescoreboard.events.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id ({@link RequestIds}: the caller's {@code X-Request-Id} when it is a
 * short token, otherwise a fresh UUID). Echoed as a response header, put in the logging MDC and in
 * problem bodies.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

  static final String ATTRIBUTE = RequestIdFilter.class.getName();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String id = RequestIds.resolve(request.getHeader(RequestIds.HEADER));
    request.setAttribute(ATTRIBUTE, id);
    response.setHeader(RequestIds.HEADER, id);
    MDC.put(RequestIds.MDC_KEY, id);
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(RequestIds.MDC_KEY);
    }
  }

  static String of(HttpServletRequest request) {
    Object id = request.getAttribute(ATTRIBUTE);
    return id != null ? id.toString() : RequestIds.newId();
  }
}
