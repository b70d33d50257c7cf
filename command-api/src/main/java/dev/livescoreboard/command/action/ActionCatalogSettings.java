package dev.livescoreboard.command.action;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the action catalog comes from ({@code scoreboard.actions.*}).
 *
 * @param file {@code classpath:…} (read once) or a filesystem path, optionally {@code file:}
 *     prefixed (re-read when its content changes); from {@code SCOREBOARD_ACTIONS_FILE}
 * @param reloadInterval how often a filesystem catalog is checked for changes
 */
@ConfigurationProperties("scoreboard.actions")
record ActionCatalogSettings(String file, Duration reloadInterval) {

  ActionCatalogSettings {
    if (file == null || file.isBlank()) {
      throw new IllegalArgumentException("scoreboard.actions.file must name the catalog file");
    }
    if (reloadInterval == null || reloadInterval.isNegative() || reloadInterval.isZero()) {
      throw new IllegalArgumentException("scoreboard.actions.reload-interval must be > 0");
    }
  }
}
