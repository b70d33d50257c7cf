package dev.livescoreboard.gateway.auth;

/** The token is not acceptable (malformed, forged, expired, wrong issuer or audience). */
public final class InvalidTokenException extends Exception {

  public InvalidTokenException(String message, Throwable cause) {
    super(message, cause);
  }
}
