package dev.livescoreboard.command.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The in-process fallback while Redis is unavailable: the same sliding-window rule, but per
 * instance. Each key's timestamps are a deque guarded by its own lock; idle keys are dropped every
 * {@value #PRUNE_EVERY} checks, so memory stays bounded by the keys active within one window.
 */
class LocalSlidingWindow implements SlidingWindow {

  private static final int PRUNE_EVERY = 1024;

  private final LongSupplier nowMillis;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong checks = new AtomicLong();

  LocalSlidingWindow(LongSupplier nowMillis) {
    this.nowMillis = nowMillis;
  }

  @Override
  public RateLimitDecision acquire(String key, int limit, Duration window) {
    long now = nowMillis.getAsLong();
    if (checks.incrementAndGet() % PRUNE_EVERY == 0) {
      windows.values().removeIf(w -> w.idleAt(now));
    }
    return windows.computeIfAbsent(key, k -> new Window(window.toMillis())).acquire(now, limit);
  }

  int trackedKeys() {
    return windows.size();
  }

  private static final class Window {
    private final long windowMillis;
    private final ArrayDeque<Long> stamps = new ArrayDeque<>();

    Window(long windowMillis) {
      this.windowMillis = windowMillis;
    }

    synchronized RateLimitDecision acquire(long now, int limit) {
      // Same boundary as the Lua script: a request at t counts until t + window (exclusive).
      while (!stamps.isEmpty() && stamps.peekFirst() <= now - windowMillis) {
        stamps.pollFirst();
      }
      boolean allowed = stamps.size() < limit;
      if (allowed) {
        stamps.addLast(now);
      }
      long reset = stamps.isEmpty() ? windowMillis : stamps.peekFirst() + windowMillis - now;
      return new RateLimitDecision(allowed, limit, limit - stamps.size(), reset);
    }

    synchronized boolean idleAt(long now) {
      return stamps.isEmpty() || stamps.peekLast() <= now - windowMillis;
    }
  }
}
