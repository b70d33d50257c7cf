package dev.livescoreboard.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;

/** The stable {@code code} values of the gateway's problem responses, each with its status. */
public enum ErrorCode {
  VALIDATION_FAILED(HttpResponseStatus.BAD_REQUEST, "Validation failed"),
  UNAUTHORIZED(HttpResponseStatus.UNAUTHORIZED, "Unauthorized"),
  FORBIDDEN(HttpResponseStatus.FORBIDDEN, "Forbidden"),
  NOT_FOUND(HttpResponseStatus.NOT_FOUND, "Not found"),
  METHOD_NOT_ALLOWED(HttpResponseStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
  PAYLOAD_TOO_LARGE(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "Payload too large"),
  HEADERS_TOO_LARGE(
      HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "Request header fields too large"),
  RATE_LIMITED(HttpResponseStatus.TOO_MANY_REQUESTS, "Rate limited"),
  INTERNAL_ERROR(HttpResponseStatus.INTERNAL_SERVER_ERROR, "Internal error"),
  UNAVAILABLE(HttpResponseStatus.SERVICE_UNAVAILABLE, "Service unavailable");

  private final HttpResponseStatus status;
  private final String title;

  ErrorCode(HttpResponseStatus status, String title) {
    this.status = status;
    this.title = title;
  }

  public HttpResponseStatus status() {
    return status;
  }

  public String title() {
    return title;
  }
}
