package dev.livescoreboard.command.admission;

import com.netflix.concurrency.limits.Limiter;
import dev.livescoreboard.command.problem.ProblemResponses;
import dev.livescoreboard.events.ErrorCode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits a player write request under the limit of {@link AdmissionControl} or refuses it with 503
 * {@code UNAVAILABLE} and {@code Retry-After}. Ordered after the request id and CORS filters and
 * before the body limit (see the package doc).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 7)
class AdmissionFilter extends OncePerRequestFilter {

  // The servlet path is decoded and without path parameters, the same path the handlers match.
  private static final String START = "/api/v1/actions";
  private static final String COMPLETE = "/api/v1/actions/complete";
  private static final Set<String> WRITES = Set.of(START, COMPLETE);

  private final AdmissionControl control;
  private final AdmissionMetrics metrics;
  private final String retryAfter;

  AdmissionFilter(AdmissionControl control, AdmissionSettings settings, MeterRegistry registry) {
    this.control = control;
    this.metrics = new AdmissionMetrics(registry, control);
    this.retryAfter = settings.retryAfterSeconds();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !WRITES.contains(request.getServletPath());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<Limiter.Listener> permit =
        START.equals(request.getServletPath()) ? control.admitStart() : control.admitComplete();
    if (permit.isEmpty()) {
      metrics.refused();
      response.setHeader(HttpHeaders.RETRY_AFTER, retryAfter);
      ProblemResponses.write(
          request,
          response,
          ErrorCode.UNAVAILABLE,
          "the service is at capacity, retry after " + retryAfter + " s");
      return;
    }
    metrics.admitted();
    Limiter.Listener listener = permit.get();
    try {
      chain.doFilter(request, response);
    } catch (Throwable e) {
      // Not a latency sample: the failure says nothing about how loaded the service is.
      listener.onIgnore();
      throw e;
    }
    if (response.getStatus() == ErrorCode.UNAVAILABLE.status()) {
      // The work behind gave up (database pool or PostgreSQL unavailable): a sign of overload.
      listener.onDropped();
    } else {
      listener.onSuccess();
    }
  }
}
