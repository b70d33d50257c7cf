package dev.livescoreboard.command.user;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * User provisioning ({@code scoreboard.users.*}).
 *
 * @param autoRegister create an unknown caller from their access token's {@code sub} and {@code
 *     name} on their first start or complete, instead of answering 404 (on in the local stack only)
 * @param startCacheTtl how long a start trusts that a user it found active still is, without asking
 *     PostgreSQL (0 asks every time); its bound is the package's guarantee
 */
@ConfigurationProperties("scoreboard.users")
record UserSettings(boolean autoRegister, Duration startCacheTtl) {

  UserSettings {
    startCacheTtl = startCacheTtl == null ? Duration.ZERO : startCacheTtl;
    if (startCacheTtl.isNegative()) {
      throw new IllegalArgumentException("scoreboard.users.start-cache-ttl must not be negative");
    }
  }
}
