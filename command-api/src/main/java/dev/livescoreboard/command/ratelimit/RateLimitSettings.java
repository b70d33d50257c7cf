package dev.livescoreboard.command.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The request rate limits ({@code scoreboard.rate-limits.*}); each is a number of requests per
 * sliding {@code window}.
 *
 * @param enabled off switches every limit (load tests only)
 * @param window the sliding window all limits count in
 * @param start action starts per user
 * @param complete action completes per user, for actions without an override
 * @param completePerAction completes per user for one action type, which then has a window of its
 *     own (key: the action type, e.g. {@code WIN_MATCH: 5})
 * @param perIp requests to {@code /api/**} per client address, authenticated or not
 */
@ConfigurationProperties("scoreboard.rate-limits")
public record RateLimitSettings(
    boolean enabled,
    Duration window,
    int start,
    int complete,
    Map<String, Integer> completePerAction,
    int perIp) {

  public RateLimitSettings {
    window = window == null ? Duration.ofMinutes(1) : window;
    if (window.toMillis() < 1) {
      throw new IllegalArgumentException("scoreboard.rate-limits.window must be positive");
    }
    completePerAction = completePerAction == null ? Map.of() : Map.copyOf(completePerAction);
    if (start < 1
        || complete < 1
        || perIp < 1
        || completePerAction.values().stream().anyMatch(v -> v < 1)) {
      throw new IllegalArgumentException("scoreboard.rate-limits: every limit must be at least 1");
    }
  }
}
