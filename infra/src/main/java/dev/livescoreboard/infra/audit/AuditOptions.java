package dev.livescoreboard.infra.audit;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the audit command finds the projector and its admin token.
 *
 * @param projector the projector's base URL ({@code --projector=}, {@code
 *     SCOREBOARD_PROJECTOR_URL})
 * @param adminToken an admin access token ({@code SCOREBOARD_ADMIN_TOKEN}); empty: mint one
 * @param devAuth the local stack's dev auth server, which mints the token when none is given
 *     ({@code --auth=}, {@code SCOREBOARD_AUTH_URL})
 * @param timeout how long the audit may take (an audit of a million users takes seconds)
 */
public record AuditOptions(
    URI projector, Optional<String> adminToken, URI devAuth, Duration timeout) {

  static final String DEFAULT_PROJECTOR = "http://127.0.0.1:8082";
  static final String DEFAULT_AUTH = "http://127.0.0.1:8090";
  static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /**
   * Reads {@code --projector=URL} and {@code --auth=URL} (overriding the environment).
   *
   * @throws IllegalArgumentException on an unknown argument
   */
  public static AuditOptions parse(List<String> args, Map<String, String> env) {
    String projector = env.getOrDefault("SCOREBOARD_PROJECTOR_URL", DEFAULT_PROJECTOR);
    String auth = env.getOrDefault("SCOREBOARD_AUTH_URL", DEFAULT_AUTH);
    for (String arg : args) {
      if (arg.startsWith("--projector=")) {
        projector = arg.substring("--projector=".length());
      } else if (arg.startsWith("--auth=")) {
        auth = arg.substring("--auth=".length());
      } else {
        throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    Optional<String> token =
        Optional.ofNullable(env.get("SCOREBOARD_ADMIN_TOKEN")).filter(t -> !t.isBlank());
    return new AuditOptions(
        URI.create(stripSlash(projector)), token, URI.create(stripSlash(auth)), DEFAULT_TIMEOUT);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
