package dev.livescoreboard.command.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * What HTTP requests command-api accepts ({@code scoreboard.http.*}).
 *
 * @param maxBodySize larger request bodies are refused with 413 before parsing; the biggest valid
 *     body (an action token plus 2 KB of metadata, or a bulk provisioning batch) fits well within
 *     the default 16 KB, and a bound keeps JSON parsing cheap
 * @param behindTrustedProxy whether one trusted reverse proxy appends the client address to {@code
 *     X-Forwarded-For}; off by default, as the header is otherwise forgeable
 * @param corsAllowedOrigins browser origins allowed to call {@code /api/**} ({@code
 *     SCOREBOARD_CORS_ALLOWED_ORIGINS}, comma-separated); exact matches, no wildcards
 */
@ConfigurationProperties("scoreboard.http")
record HttpSettings(
    DataSize maxBodySize, boolean behindTrustedProxy, List<String> corsAllowedOrigins) {

  HttpSettings {
    maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(16) : maxBodySize;
    if (maxBodySize.toBytes() < 1 || maxBodySize.toBytes() > Integer.MAX_VALUE / 2) {
      throw new IllegalArgumentException("scoreboard.http.max-body-size is out of range");
    }
    corsAllowedOrigins =
        corsAllowedOrigins == null
            ? List.of()
            : corsAllowedOrigins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    if (corsAllowedOrigins.contains("*")) {
      throw new IllegalArgumentException("scoreboard.http.cors-allowed-origins must not contain *");
    }
  }
}
