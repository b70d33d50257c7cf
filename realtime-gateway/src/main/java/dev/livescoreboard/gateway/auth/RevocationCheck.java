package dev.livescoreboard.gateway.auth;

/** Whether a token id is revoked. May block (Redis): call on the blocking executor. */
@FunctionalInterface
public interface RevocationCheck {

  /** For tests and for a gateway without revocations: nothing is revoked. */
  RevocationCheck NONE = jti -> false;

  boolean isRevoked(String jti);
}
