package dev.livescoreboard.command.problem;

import dev.livescoreboard.events.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * Turns every failure into an RFC 9457 problem response. Details name what the caller got wrong;
 * internals (SQL, stack traces, library messages) are logged, never returned.
 */
@RestControllerAdvice
class ProblemHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);
  private static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
  // Long enough for a pool to reconnect after a database restart, short enough for a client.
  private static final String RETRY_AFTER_SECONDS = "2";

  @ExceptionHandler(ApiException.class)
  ResponseEntity<Problem> api(ApiException e, HttpServletRequest request) {
    ResponseEntity<Problem> response = respond(e.code(), e.detail(), request);
    if (e.headers().isEmpty()) {
      return response;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(response.getHeaders());
    e.headers().forEach(headers::set);
    return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<Problem> invalidBody(
      MethodArgumentNotValidException e, HttpServletRequest request) {
    String detail =
        e.getBindingResult().getFieldErrors().stream()
            .map(ProblemHandler::describe)
            .sorted()
            .collect(Collectors.joining("; "));
    if (detail.isEmpty()) {
      detail = "the request body is invalid";
    }
    return respond(ErrorCode.VALIDATION_FAILED, detail, request);
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<Problem> invalidParameter(
      HandlerMethodValidationException e, HttpServletRequest request) {
    String detail =
        e.getParameterValidationResults().stream()
            .map(r -> r.getMethodParameter().getParameterName() + ": is invalid")
            .collect(Collectors.joining("; "));
    return respond(ErrorCode.VALIDATION_FAILED, detail, request);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Problem> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    return respond(ErrorCode.VALIDATION_FAILED, JsonErrors.describe(e), request);
  }

  @ExceptionHandler(TypeMismatchException.class)
  ResponseEntity<Problem> typeMismatch(TypeMismatchException e, HttpServletRequest request) {
    return respond(
        ErrorCode.VALIDATION_FAILED, e.getPropertyName() + ": has the wrong type", request);
  }

  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    CannotCreateTransactionException.class,
    // Commit or rollback failed because the connection broke: a retry is safe (replays are 409s).
    TransactionSystemException.class,
    TransientDataAccessException.class,
    RecoverableDataAccessException.class
  })
  ResponseEntity<Problem> unavailable(Exception e, HttpServletRequest request) {
    log.warn("database unavailable: {}", e.toString());
    return respond(ErrorCode.UNAVAILABLE, "the database is unavailable, retry later", request);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Problem> other(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse framework && framework.getStatusCode().value() < 500) {
      // Spring MVC's own client errors (unknown path, wrong method or media type, ...).
      ErrorCode code = forStatus(framework.getStatusCode().value());
      return respond(code, framework.getBody().getDetail(), request);
    }
    log.error("unexpected error", e);
    return respond(ErrorCode.INTERNAL_ERROR, "unexpected error", request);
  }

  /** The code a framework client error of {@code status} is reported with. */
  private static ErrorCode forStatus(int status) {
    return switch (status) {
      case 400 -> ErrorCode.VALIDATION_FAILED;
      case 401 -> ErrorCode.UNAUTHORIZED;
      case 403 -> ErrorCode.FORBIDDEN;
      case 404 -> ErrorCode.NOT_FOUND;
      case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
      case 406 -> ErrorCode.NOT_ACCEPTABLE;
      case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
      case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
      case 429 -> ErrorCode.RATE_LIMITED;
      case 503 -> ErrorCode.UNAVAILABLE;
      default -> ErrorCode.INTERNAL_ERROR;
    };
  }

  private static String describe(FieldError error) {
    return error.getField() + ": " + error.getDefaultMessage();
  }

  private static ResponseEntity<Problem> respond(
      ErrorCode code, String detail, HttpServletRequest request) {
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.status(code.status()).contentType(PROBLEM_JSON);
    if (code == ErrorCode.UNAVAILABLE) {
      builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
    return builder.body(Problem.of(code, detail, RequestIdFilter.of(request)));
  }
}
