package dev.livescoreboard.command.security;

import dev.livescoreboard.command.problem.ProblemResponses;
import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses {@code /api/**} request bodies larger than {@code scoreboard.http.max-body-size} with 413
 * {@code PAYLOAD_TOO_LARGE} before any parsing or handler runs, so nothing is written: at once when
 * {@code Content-Length} says so, otherwise (chunked bodies) after reading at most one byte past
 * the limit. An accepted chunked body is handed on from memory ({@link CachedBodyRequest}), which
 * the bound makes cheap. Runs right after the request id filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodyLimitFilter extends OncePerRequestFilter {

  private final int maxBytes;

  BodyLimitFilter(HttpSettings settings) {
    this.maxBytes = (int) settings.maxBodySize().toBytes();
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !request.getRequestURI().startsWith("/api/");
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > maxBytes) {
      tooLarge(request, response);
      return;
    }
    if (request.getHeader("Transfer-Encoding") == null) {
      // The container reads no more than Content-Length, so a declared body within the bound is
      // safe.
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
    if (body.length > maxBytes) {
      tooLarge(request, response);
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private void tooLarge(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    // The rest of the body is not read; close the connection rather than drain it.
    response.setHeader("Connection", "close");
    ProblemResponses.write(
        request,
        response,
        ErrorCode.PAYLOAD_TOO_LARGE,
        "the request body must not exceed " + maxBytes + " bytes");
  }
}
