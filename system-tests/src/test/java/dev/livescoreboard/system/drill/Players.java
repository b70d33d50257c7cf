package dev.livescoreboard.system.drill;

import dev.livescoreboard.infra.devauth.DevAuthServer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Where the drills' players come from: each gets an access token from the dev auth server (the
 * local stack registers users on first use), plays through {@code apiUrl}, and writes into one
 * {@link ActionLog}; their answers are handled on one loop thread.
 */
final class Players implements AutoCloseable {

  private final ScheduledExecutorService loop =
      Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "drill-players"));
  private final ActionLog log = new ActionLog();
  private final String apiUrl;
  private final DevAuthServer auth;

  /**
   * @param apiUrl command-api, or the balancer in front of several
   */
  Players(String apiUrl, DevAuthServer auth) {
    this.apiUrl = apiUrl;
    this.auth = auth;
  }

  DrillPlayer player(String userId, String displayName) {
    return new DrillPlayer(userId, auth.mint(userId, displayName, List.of()), apiUrl, loop, log);
  }

  ActionLog log() {
    return log;
  }

  ScheduledExecutorService loop() {
    return loop;
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
