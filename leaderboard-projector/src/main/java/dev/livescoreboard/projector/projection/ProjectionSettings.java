package dev.livescoreboard.projector.projection;

import dev.livescoreboard.events.BoardDefaults;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the read model is projected.
 *
 * @param topN size of the published top N of a board whose {@code BOARD_DEFINED} has not been
 *     applied yet ({@code SCOREBOARD_TOP_N}), by default {@link BoardDefaults#TOP_N}; a defined
 *     board uses its own {@code topN}. The Lua script reads it twice per event, so it is capped to
 *     keep one apply cheap
 */
@ConfigurationProperties("scoreboard.projection")
public record ProjectionSettings(Integer topN) {

  static final int MAX_TOP_N = 1000;

  public ProjectionSettings {
    // Unset (application.yml passes an empty SCOREBOARD_TOP_N through as null): the shared default.
    topN = topN == null ? BoardDefaults.TOP_N : topN;
    if (topN < 1 || topN > MAX_TOP_N) {
      throw new IllegalArgumentException(
          "scoreboard.projection.top-n must be 1.." + MAX_TOP_N + ": " + topN);
    }
  }
}
