package dev.livescoreboard.command.auth;

import dev.livescoreboard.command.redis.RedisSettings;
import java.time.Instant;

/**
 * Where revocations live in Redis: one {@code <prefix>revoked-jti:<jti>} key per revoked token,
 * expiring with it, and the {@code <prefix>revocations} channel on which each new one is announced
 * as {@code "<until epoch millis> <jti>"}.
 */
final class RevocationKeys {

  private static final String KEY = "revoked-jti:";

  /** An announced revocation. */
  record Published(String jti, Instant until) {}

  private final RedisSettings settings;

  RevocationKeys(RedisSettings settings) {
    this.settings = settings;
  }

  String key(String jti) {
    return settings.key(KEY + jti);
  }

  /** A SCAN pattern matching every revocation key (the prefix's glob characters escaped). */
  String pattern() {
    return settings.key(KEY).replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + "*";
  }

  String jtiOf(String key) {
    return key.substring(settings.key(KEY).length());
  }

  String channel() {
    return settings.key("revocations");
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
