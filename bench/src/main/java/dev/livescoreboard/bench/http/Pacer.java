package dev.livescoreboard.bench.http;

import java.util.concurrent.locks.LockSupport;

/**
 * Issues arrivals of an {@link OpenSchedule} (or a {@link CurvePlan}) on one dedicated thread:
 * waits until each is due, then hands it to the (non-blocking) issuer. When the issuer falls
 * behind, arrivals are issued at once, never skipped, and keep their intended time.
 */
final class Pacer {

  /** Sends arrival {@code index}; must return quickly (asynchronous I/O). */
  interface Issuer {
    void issue(long index, long intendedNanos);
  }

  private Pacer() {}

  static Thread start(String name, Arrivals schedule, long arrivals, Issuer issuer) {
    Thread thread =
        new Thread(
            () -> {
              for (long i = 0; i < arrivals && !Thread.currentThread().isInterrupted(); i++) {
                long due = schedule.intendedNanos(i);
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                  LockSupport.parkNanos(wait);
                }
                issuer.issue(i, due);
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }
}
