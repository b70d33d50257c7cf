package dev.livescoreboard.bench;

import java.util.Map;

/**
 * Environment the bench gives the services of a stack it starts itself. All load comes from one
 * client address, so the per-IP limit (meant for many clients behind many addresses) would
 * throttle the benchmark itself; per-user limits stay as configured, the bench spreads its
 * actions over enough users instead.
 */
final class ServiceTuning {

  private ServiceTuning() {}

  /** command-api: {@code scoreboard.rate-limits.per-ip} through Spring's relaxed env binding. */
  static Map<String, String> commandApi() {
    return Map.of("SCOREBOARD_RATELIMITS_PERIP", "1000000000");
  }
}
