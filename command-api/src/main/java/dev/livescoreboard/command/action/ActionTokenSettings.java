package dev.livescoreboard.command.action;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Action tokens ({@code scoreboard.action-token.*}).
 *
 * @param secrets {@code kid:base64[,kid:base64…]}, from {@code SCOREBOARD_ACTION_TOKEN_SECRETS};
 *     the first key signs, all verify, so a key can be rotated without breaking tokens in flight
 * @param ttl how long a started action may be completed, at most 5 minutes
 */
@ConfigurationProperties("scoreboard.action-token")
record ActionTokenSettings(String secrets, Duration ttl) {

  static final Duration MAX_TTL = Duration.ofMinutes(5);

  ActionTokenSettings {
    // Fails at startup, with a message naming the variable, when the secrets are missing or weak.
    ActionTokenKeys.parse(secrets);
    if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
      throw new IllegalArgumentException("scoreboard.action-token.ttl must be > 0 and <= 5m");
    }
  }

  @Override
  public String toString() {
    return "ActionTokenSettings[secrets=<redacted>, ttl=" + ttl + "]";
  }
}
