package dev.livescoreboard.gateway.auth;

/** The token is not acceptable (malformed, forged, expired, wrong issuer or audience, revoked). */
public final class InvalidTokenException extends Exception {

  private final boolean revoked;

  public InvalidTokenException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private InvalidTokenException(String message, Throwable cause, boolean revoked) {
    super(message, cause);
    this.revoked = revoked;
  }

  /** A valid token whose {@code jti} is on the revocation list. */
  static InvalidTokenException revokedToken() {
    return new InvalidTokenException("revoked jti", null, true);
  }

  /** Whether the token was refused for being revoked (a security event of its own). */
  public boolean revoked() {
    return revoked;
  }
}
