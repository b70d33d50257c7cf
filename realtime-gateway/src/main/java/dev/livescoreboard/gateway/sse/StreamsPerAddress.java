package dev.livescoreboard.gateway.sse;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts open streams per client address and refuses one beyond the limit. Holds one entry per
 * address with an open stream, dropped with its last one. Thread-safe.
 */
final class StreamsPerAddress {

  private final ConcurrentMap<InetAddress, Integer> open = new ConcurrentHashMap<>();
  private final int max;

  StreamsPerAddress(int max) {
    this.max = max;
  }

  /** Takes a slot for {@code address}; false if it already holds the maximum. */
  boolean tryAcquire(InetAddress address) {
    boolean[] acquired = {false};
    open.compute(
        address,
        (a, count) -> {
          int current = count == null ? 0 : count;
          if (current >= max) {
            return count;
          }
          acquired[0] = true;
          return current + 1;
        });
    return acquired[0];
  }

  /** Gives back a slot taken by {@link #tryAcquire}. */
  void release(InetAddress address) {
    open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
  }

  int max() {
    return max;
  }
}
