package dev.livescoreboard.command.trace;

import dev.livescoreboard.events.TraceParent;
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
 * Gives every request its W3C trace (see the package docs): the caller's {@code traceparent} when
 * valid, else a new one. Kept as the request attribute {@link #ATTRIBUTE} for the handlers whose
 * writes publish events, and its trace id in the logging MDC ({@code traceId}) for every line the
 * request logs. Runs right after the request id, before anything that may log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TraceContextFilter extends OncePerRequestFilter {

  /** The request attribute holding the request's {@link TraceParent}. */
  public static final String ATTRIBUTE = "dev.livescoreboard.command.trace.TraceParent";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    TraceParent trace = TraceParent.resolve(request.getHeader(TraceParent.HEADER));
    request.setAttribute(ATTRIBUTE, trace);
    MDC.put(TraceParent.MDC_KEY, trace.traceId());
    try {
      chain.doFilter(request, response);
    } finally {
      MDC.remove(TraceParent.MDC_KEY);
    }
  }
}
