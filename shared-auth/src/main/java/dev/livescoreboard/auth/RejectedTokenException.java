package dev.livescoreboard.auth;

/**
 * The token is not acceptable: malformed, forged, of a refused algorithm, expired, not yet valid,
 * for another issuer or audience, or with unusable claims. The message names the failed check for
 * the security log, never the token; clients get a generic answer.
 */
public final class RejectedTokenException extends RuntimeException {

  public RejectedTokenException(String reason) {
    super(reason, null, false, false);
  }
}
