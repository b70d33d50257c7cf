package dev.livescoreboard.projector.rebuild;

import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedRuntimeException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import redis.clients.jedis.exceptions.JedisException;

/** RFC 9457 problems of the rebuild endpoint, with a stable code; no stack traces or SQL. */
@RestControllerAdvice(assignableTypes = RebuildController.class)
class RebuildProblems {

  private static final Logger log = LoggerFactory.getLogger(RebuildProblems.class);
  // As the audit's: a rebuild is heavy, and the dependency needs a moment to come back.
  private static final String RETRY_AFTER_SECONDS = "5";

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Problem> invalidId(IllegalArgumentException e, HttpServletRequest request) {
    return problem(HttpStatus.BAD_REQUEST, "INVALID_BOARD", e.getMessage(), request);
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ResponseEntity<Problem> missing(
      MissingServletRequestParameterException e, HttpServletRequest request) {
    return problem(
        HttpStatus.BAD_REQUEST,
        "MISSING_PARAMETER",
        "query parameter '" + e.getParameterName() + "' is required",
        request);
  }

  @ExceptionHandler(RebuildInProgressException.class)
  ResponseEntity<Problem> busy(RebuildInProgressException e, HttpServletRequest request) {
    return problem(HttpStatus.CONFLICT, "REBUILD_IN_PROGRESS", e.getMessage(), request);
  }

  // TransactionException: no connection for a rebuild's read-only transaction.
  @ExceptionHandler({DataAccessException.class, TransactionException.class})
  ResponseEntity<Problem> postgres(NestedRuntimeException e, HttpServletRequest request) {
    log.warn("rebuild failed, PostgreSQL unavailable: {}", e.getMostSpecificCause().toString());
    return unavailable("PostgreSQL is unavailable; retry", request);
  }

  @ExceptionHandler({JedisException.class, IllegalStateException.class})
  ResponseEntity<Problem> redis(RuntimeException e, HttpServletRequest request) {
    log.warn("rebuild failed: {}", e.toString());
    return unavailable("Redis is unavailable or lost the rebuild; retry", request);
  }

  /**
   * 503 {@code UNAVAILABLE} with {@code Retry-After}, as every service answers a failing
   * dependency.
   */
  private static ResponseEntity<Problem> unavailable(String detail, HttpServletRequest request) {
    return problem(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE.name(), detail, request);
  }

  private static ResponseEntity<Problem> problem(
      HttpStatus status, String code, String detail, HttpServletRequest request) {
    String requestId = request.getHeader("X-Request-Id");
    Problem problem =
        new Problem(
            "urn:problem:" + code,
            status.getReasonPhrase(),
            status.value(),
            detail,
            code,
            requestId != null && !requestId.isBlank() ? requestId : UUID.randomUUID().toString());
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return response.body(problem);
  }
}
