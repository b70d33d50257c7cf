package dev.livescoreboard.auth.revocation;

import java.time.Instant;

/**
 * Where revocations live in Redis, for every service: one {@code <prefix>revoked-jti:<jti>} key per
 * revoked token, expiring with it, and the {@code <prefix>revocations} channel on which each new
 * one is announced as {@code "<until epoch millis> <jti>"}.
 */
public final class RevocationKeys {

  private static final String KEY = "revoked-jti:";
  private static final String CHANNEL = "revocations";

  /** An announced revocation. */
  public record Published(String jti, Instant until) {}

  private final String prefix;

  /**
   * @param prefix the deployment's Redis key prefix (several deployments may share one Redis)
   */
  public RevocationKeys(String prefix) {
    this.prefix = prefix == null ? "" : prefix;
  }

  public String key(String jti) {
    return prefix + KEY + jti;
  }

  /** A SCAN pattern matching every revocation key (the prefix's glob characters escaped). */
  public String pattern() {
    return (prefix + KEY).replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
  }

  public String jtiOf(String key) {
    return key.substring((prefix + KEY).length());
  }

  public String channel() {
    return prefix + CHANNEL;
  }

  static String message(String jti, Instant until) {
    return until.toEpochMilli() + " " + jti;
  }

  /** The revocation in {@code message}, or {@code null} when it is not one. */
  static Published parse(String message) {
    int space = message.indexOf(' ');
    if (space < 1 || space == message.length() - 1) {
      return null;
    }
    try {
      return new Published(
          message.substring(space + 1),
          Instant.ofEpochMilli(Long.parseLong(message.substring(0, space))));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
