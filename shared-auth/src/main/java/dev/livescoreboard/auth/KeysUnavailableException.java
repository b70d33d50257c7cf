package dev.livescoreboard.auth;

/** The JWKS could not be fetched, so no token can be judged: answer 503, not 401. */
public final class KeysUnavailableException extends RuntimeException {

  public KeysUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
