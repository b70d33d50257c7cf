package dev.livescoreboard.command.anomaly;

import java.util.Map;

/**
 * What one rule found about one user in one scan: becomes a flag unless the user has an open one
 * for the same reason.
 *
 * @param userId the user
 * @param reason the rule
 * @param details the numbers behind it (stored as the flag's {@code details} JSON)
 */
record Suspicion(String userId, Reason reason, Map<String, Object> details) {

  Suspicion {
    details = Map.copyOf(details);
  }
}
