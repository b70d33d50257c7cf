package dev.livescoreboard.command.problem;

import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a problem response straight to the servlet response, for filters and interceptors that
 * refuse a request before (or instead of) any handler, so the exception handlers never run.
 */
public final class ProblemResponses {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  /** Sends {@code code}'s status with a problem body; headers set before are kept. */
  public static void write(
      HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
      throws IOException {
    byte[] body = JSON.writeValueAsBytes(Problem.of(code, detail, RequestIdFilter.of(request)));
    response.setStatus(code.status());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
    response.flushBuffer();
  }
}
