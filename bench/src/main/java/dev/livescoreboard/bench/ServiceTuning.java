package dev.livescoreboard.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Environment the bench gives the services of a stack it starts itself. All load comes from one
 * client address, so the per-IP limit (meant for many clients behind many addresses) would throttle
 * the benchmark itself; per-user limits stay as configured, the bench spreads its actions over
 * enough users instead — except with {@code --hot-users}, where a few users play every action on
 * purpose and their per-user limits are raised too.
 */
final class ServiceTuning {

  private static final String UNLIMITED = "1000000000";

  private ServiceTuning() {}

  /**
   * command-api: {@code scoreboard.rate-limits.per-ip} (and with hot users {@code start} and {@code
   * complete}) through Spring's relaxed env binding.
   */
  static Map<String, String> commandApi(boolean hotUsers) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SCOREBOARD_RATELIMITS_PERIP", UNLIMITED);
    if (hotUsers) {
      env.put("SCOREBOARD_RATELIMITS_START", UNLIMITED);
      env.put("SCOREBOARD_RATELIMITS_COMPLETE", UNLIMITED);
    }
    return env;
  }

  /**
   * realtime-gateway: {@code SCOREBOARD_GATEWAY_SSE_MAX_PER_ADDRESS}, since every SSE reader of
   * {@code --sse} comes from the bench's one address. A gateway without SSE ignores it.
   */
  static Map<String, String> gateway() {
    return Map.of("SCOREBOARD_GATEWAY_SSE_MAX_PER_ADDRESS", UNLIMITED);
  }
}
