package dev.livescoreboard.command.security;

/** The kinds of security-relevant events that are logged and counted. */
public enum SecurityEvent {
  /** A missing, malformed, forged, expired or otherwise invalid access token. */
  AUTH_FAILED,
  /** A consumed action token presented again (409 {@code ACTION_ALREADY_COMPLETED}). */
  TOKEN_REPLAY,
  /** A request refused by a rate limit (429 {@code RATE_LIMITED}). */
  RATE_LIMITED,
  /** A complete refused by an action quota (429 {@code QUOTA_EXCEEDED}). */
  QUOTA_EXCEEDED,
  /** A valid access token whose {@code jti} has been revoked. */
  TOKEN_REVOKED,
  /** An authenticated caller refused: missing role, another user's or a tampered action token. */
  FORBIDDEN;

  /** The lower-case name used in logs and as the metric tag. */
  public String tag() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
