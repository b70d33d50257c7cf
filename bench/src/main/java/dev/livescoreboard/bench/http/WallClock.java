package dev.livescoreboard.bench.http;

import java.time.Instant;

/** Wall-clock time in epoch microseconds, comparable across the processes of one machine. */
public final class WallClock {

  private WallClock() {}

  public static long micros() {
    return micros(Instant.now());
  }

  public static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
  }
}
