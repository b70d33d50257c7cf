package dev.livescoreboard.projector.audit;

import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import redis.clients.jedis.exceptions.JedisException;

/**
 * An audit that cannot read PostgreSQL or Redis answers 503 {@code UNAVAILABLE} (problem JSON, no
 * internals): "could not check" must never look like a report.
 */
@RestControllerAdvice(assignableTypes = AuditController.class)
class AuditProblems {

  private static final Logger log = LoggerFactory.getLogger(AuditProblems.class);

  /** An RFC 9457 problem body, shaped like command-api's. */
  record Problem(
      String type, String title, int status, String detail, String code, String requestId) {}

  // TransactionException: no connection for the audit's read-only transaction.
  @ExceptionHandler({DataAccessException.class, TransactionException.class, JedisException.class})
  ResponseEntity<Problem> unavailable(RuntimeException e, HttpServletRequest request) {
    log.warn("audit failed: {}", e.toString());
    ErrorCode code = ErrorCode.UNAVAILABLE;
    String requestId = request.getHeader("X-Request-Id");
    Problem problem =
        new Problem(
            "urn:problem:" + code.name(),
            code.title(),
            code.status(),
            "PostgreSQL or Redis is unavailable, the audit could not run; retry",
            code.name(),
            requestId != null && !requestId.isBlank() ? requestId : UUID.randomUUID().toString());
    return ResponseEntity.status(code.status())
        .header(HttpHeaders.RETRY_AFTER, "5")
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
