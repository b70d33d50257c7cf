package dev.livescoreboard.gateway.websocket;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Counts open WebSockets per user and refuses one beyond the limit. Thread-safe. */
public final class ConnectionLimiter {

  private final ConcurrentMap<String, Integer> open = new ConcurrentHashMap<>();
  private final int maxPerUser;

  public ConnectionLimiter(int maxPerUser) {
    this.maxPerUser = maxPerUser;
  }

  /** Takes a slot for {@code userId}; false if the user already holds the maximum. */
  boolean tryAcquire(String userId) {
    boolean[] acquired = {false};
    open.compute(
        userId,
        (user, count) -> {
          int current = count == null ? 0 : count;
          if (current >= maxPerUser) {
            return count;
          }
          acquired[0] = true;
          return current + 1;
        });
    return acquired[0];
  }

  /** Gives back a slot taken by {@link #tryAcquire}. */
  void release(String userId) {
    open.computeIfPresent(userId, (user, count) -> count <= 1 ? null : count - 1);
  }

  int maxPerUser() {
    return maxPerUser;
  }
}
