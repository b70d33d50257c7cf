package dev.livescoreboard.auth.revocation;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This instance's copy of the revoked token ids, each until its token expires. Thread-safe. */
public final class LocalDenylist {

  private final Clock clock;
  private final Map<String, Instant> revokedUntil = new ConcurrentHashMap<>();

  public LocalDenylist(Clock clock) {
    this.clock = clock;
  }

  public void add(String jti, Instant until) {
    Instant now = clock.instant();
    // Revocations are rare: sweeping the expired ones here keeps the map small without a timer.
    revokedUntil.values().removeIf(expiry -> !expiry.isAfter(now));
    if (until.isAfter(now)) {
      revokedUntil.merge(jti, until, (a, b) -> a.isAfter(b) ? a : b);
    }
  }

  public boolean contains(String jti) {
    Instant until = jti == null ? null : revokedUntil.get(jti);
    return until != null && until.isAfter(clock.instant());
  }
}
